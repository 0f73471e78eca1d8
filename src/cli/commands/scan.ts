// `partner-audit scan`: collect (or load --snapshot) → evaluate → report.

import { type Command, Option } from 'commander';
import { S3Client } from '@aws-sdk/client-s3';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../../checks/index.js';
import { loadAttestations } from '../../attest/load.js';
import type { AttestationSet } from '../../attest/types.js';
import { signRun } from '../../bundle/sign.js';
import { exitCodeFor } from '../../engine/results.js';
import { UsageError } from '../../errors.js';
import type { DeploymentModel } from '../../contract/results.js';
import { diffRuns, type RunDiff } from '../../ops/diff.js';
import { renderDiffJson, renderDiffMarkdown, summaryLine } from '../../ops/diff-render.js';
import { parseShard } from '../../ops/shard.js';
import { parseS3Uri, uploadRun } from '../../ops/upload.js';
import { checkSummaries } from '../../report/check-summary.js';
import { renderConsoleSummary } from '../../report/console.js';
import { readResults } from '../../report/load-input.js';
import { FORMATS, selectReporters } from '../../report/registry.js';
import { renderReports } from '../../report/render.js';
import type { ReportInput } from '../../report/types.js';
import { collectEvidence } from '../../run/collect.js';
import { evaluateRunDir } from '../../run/evaluate.js';
import { addTargetOptions, positiveInt, resolveRunConfig, type RunConfig, type ScanFlags } from '../../run/options.js';
import { copySnapshot } from '../../run/snapshot-copy.js';

interface ScanOptions extends ScanFlags {
  out?: string;
  format: string;
  snapshot?: string;
  resume?: string;
  shard?: string;
  baseline?: string;
  signKey?: string;
  signKmsKeyId?: string;
  upload?: string;
  quiet?: boolean;
  exitZero?: boolean;
}

const DEFAULT_FORMATS = 'html,markdown';

export function register(program: Command): void {
  addTargetOptions(
    program
      .command('scan')
      .description('Collect evidence from AWS (or load a saved --snapshot), evaluate the checks, write results and reports.'),
  )
    .addOption(new Option('--deployment-model <model>', 'how the solution is deployed (default saas)').choices(['saas', 'customer-deployed']))
    .option('--attestations <file>', 'YAML attestations for what a scanner cannot see (partner-audit attest --init)')
    .option('-o, --out <dir>', 'run directory to write (default runs/<timestamp>)')
    .option('-f, --format <list>', `report formats, comma-separated, or all: ${FORMATS.join(', ')}`, DEFAULT_FORMATS)
    .option('--snapshot <dir>', 'evaluate a saved run directory offline instead of calling AWS')
    .option('--resume <run-dir>', 'finish an interrupted scan: rescan only the accounts that did not finish')
    .option('--shard <i/n>', 'scan only shard i of n of the account list (see partner-audit merge)')
    .option('--baseline <run-dir>', 'a previous run: report what changed since it (also writes diff.md and diff.json)')
    .addOption(new Option('--retry-mode <mode>', 'SDK retry strategy (default standard)').choices(['standard', 'adaptive']))
    .option('--max-attempts <n>', 'SDK attempts per call, retries included (default 8)', positiveInt)
    .option('--accounts-in-parallel <n>', 'accounts scanned at once (default 8)', positiveInt)
    .option('--requests-in-flight <n>', 'AWS requests in flight at once, all accounts together (default 64)', positiveInt)
    .option('--sign-key <pem>', 'sign manifest.json and SHA256SUMS with this Ed25519 private key (PEM file)')
    .option('--sign-kms-key-id <key-id>', 'sign with this AWS KMS asymmetric key in your own account')
    .option('--upload <s3-uri>', 'copy the run directory to s3://bucket/prefix in your own evidence bucket')
    .option('-q, --quiet', 'no progress line and no summary on the terminal')
    .option('--exit-zero', 'exit 0 even when a requirement FAILs or the scan is incomplete (errors in the run itself still exit 1 or 2)')
    .action(async (options: ScanOptions) => {
      process.exitCode = await scan(options);
    });
}

function defaultRunId(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

async function scan(options: ScanOptions): Promise<number> {
  if (options.snapshot && options.resume) throw new UsageError('use --snapshot or --resume, not both');
  selectReporters(options.format);
  const shard = options.shard ? parseShard(options.shard) : undefined;
  const run = await resolveRunConfig(options);
  const attestations = await attestationsFor(run);
  const runId = defaultRunId();
  const outDir = options.resume ?? options.out ?? join('runs', runId);
  const checks = [...ALL_CHECKS];
  let secrets: string[] = [];
  if (options.snapshot) {
    await copySnapshot(options.snapshot, outDir);
  } else {
    secrets = await collectEvidence({
      run,
      checks,
      runId,
      outDir,
      ...(shard ? { shard } : {}),
      resume: Boolean(options.resume),
      quiet: Boolean(options.quiet),
    });
  }
  const { manifest, results } = await evaluateRunDir({
    runDir: outDir,
    checks,
    checklist: run.checklist,
    deploymentModel: run.config.deploymentModel as DeploymentModel,
    settings: run.config.settings,
    attestations,
    secrets,
  });
  const baseline = options.baseline ? await readResults(options.baseline) : undefined;
  const input: ReportInput = {
    results,
    manifest,
    checklist: run.checklist,
    checks: checkSummaries(checks, run.checklist.id),
    ...(baseline ? { baseline } : {}),
  };
  const diff = baseline ? diffRuns(baseline, results, new Date()) : undefined;
  if (diff) await writeDiff(outDir, diff);
  await renderReports(input, options.format, outDir, { secrets });
  const signature = await signRun(outDir, { ...options, ...(run.config.profile ? { profile: run.config.profile } : {}) });
  if (options.upload) await upload(outDir, options.upload, run.config.profile);
  if (!options.quiet) {
    process.stdout.write(renderConsoleSummary(results, manifest));
    if (diff) process.stdout.write(`${summaryLine(diff)}\n`);
    process.stdout.write(`Run directory: ${outDir}${signature ? ' (signed)' : ''}\n`);
  }
  return options.exitZero ? 0 : exitCodeFor(results);
}

async function writeDiff(outDir: string, diff: RunDiff): Promise<void> {
  await writeFile(join(outDir, 'diff.md'), renderDiffMarkdown(diff));
  await writeFile(join(outDir, 'diff.json'), renderDiffJson(diff));
}

/** The only write the tool makes: into the partner's own evidence bucket, with the base credentials. */
async function upload(outDir: string, uri: string, profile: string | undefined): Promise<void> {
  const client = new S3Client({ followRegionRedirects: true, ...(profile ? { profile } : {}) });
  try {
    await uploadRun(client, outDir, parseS3Uri(uri));
  } finally {
    client.destroy();
  }
}

async function attestationsFor(run: RunConfig): Promise<AttestationSet> {
  return run.config.attestations ? loadAttestations(run.config.attestations, run.checklist) : new Map();
}
