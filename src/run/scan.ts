// The scan pipeline: collect the evidence (or copy a saved snapshot) → evaluate → report → sign →
// upload. Commands stay thin: they parse flags, call this, and render its events and outcome.

import { S3Client } from '@aws-sdk/client-s3';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadStatements } from '../attest/load.js';
import { NO_STATEMENTS, type PartnerStatements } from '../attest/types.js';
import { namesAccountsByTag } from '../attest/scope.js';
import { diffRuns, type RunDiff } from '../bookkeeping/diff.js';
import { renderDiffJson, renderDiffMarkdown } from '../bookkeeping/diff-render.js';
import { parseShard } from '../bookkeeping/shard.js';
import { signRun, type SignOptions } from '../bundle/sign.js';
import type { ScanEvents } from '../collect/events.js';
import type { AnyCheck } from '../contract/check.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { DeploymentModel, Results } from '../contract/results.js';
import { UsageError } from '../errors.js';
import { checkSummaries } from '../report/check-summary.js';
import { selectReporters } from '../report/registry.js';
import { renderReports } from '../report/render.js';
import type { ReportInput } from '../report/types.js';
import type { Manifest } from '../snapshot/manifest.js';
import { readResults } from '../snapshot/results-file.js';
import { parseS3Uri, uploadRun } from '../storage/upload.js';
import { collectEvidence } from './collect.js';
import { evaluateRunDir } from './evaluate.js';
import { resolveRunConfig, type RunConfig, type ScanFlags } from './options.js';
import { checkSettingsOf } from '../config/schema.js';
import { copySnapshot } from './snapshot-copy.js';

export interface ScanRequest extends ScanFlags, SignOptions {
  out?: string;
  format: string;
  snapshot?: string;
  resume?: string;
  shard?: string;
  baseline?: string;
  upload?: string;
}

export interface ScanOutcome {
  outDir: string;
  manifest: Manifest;
  results: Results;
  checklist: Checklist;
  /** The report files written (paths). */
  reportFiles: string[];
  /** What changed since `--baseline`, when given. */
  diff?: RunDiff;
  signed: boolean;
}

function defaultRunId(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

export async function runScanPipeline(request: ScanRequest, checks: readonly AnyCheck[], events: ScanEvents = {}): Promise<ScanOutcome> {
  if (request.snapshot && request.resume) throw new UsageError('use --snapshot or --resume, not both');
  selectReporters(request.format);
  const shard = request.shard ? parseShard(request.shard) : undefined;
  const run = await resolveRunConfig(request);
  const statements = await statementsFor(run, checks);
  const runId = defaultRunId();
  const outDir = request.resume ?? request.out ?? join('runs', runId);
  let secrets: string[] = [];
  if (request.snapshot) {
    await copySnapshot(request.snapshot, outDir);
  } else {
    const resume = Boolean(request.resume);
    const readTags = namesAccountsByTag(statements);
    secrets = await collectEvidence({ run, checks: [...checks], runId, outDir, ...(shard ? { shard } : {}), resume, events, readTags });
  }
  const { manifest, results } = await evaluateRunDir({
    runDir: outDir,
    checks: [...checks],
    checklist: run.checklist,
    deploymentModel: run.config.deploymentModel as DeploymentModel,
    settings: checkSettingsOf(run.config),
    statements,
    secrets,
  });
  const baseline = request.baseline ? await readResults(request.baseline) : undefined;
  const input: ReportInput = {
    results,
    manifest,
    checklist: run.checklist,
    checks: checkSummaries(checks, run.checklist.id),
    ...(baseline ? { baseline } : {}),
  };
  const diff = baseline ? diffRuns(baseline, results, new Date()) : undefined;
  if (diff) await writeDiff(outDir, diff);
  const { reports } = await renderReports(input, request.format, outDir, { secrets });
  const signature = await signRun(outDir, { ...request, ...(run.config.profile ? { profile: run.config.profile } : {}) });
  if (request.upload) await upload(outDir, request.upload, run.config.profile);
  const reportFiles = reports.map((r) => join(outDir, r.fileName));
  return { outDir, manifest, results, checklist: run.checklist, reportFiles, ...(diff ? { diff } : {}), signed: signature !== undefined };
}

async function writeDiff(outDir: string, diff: RunDiff): Promise<void> {
  await writeFile(join(outDir, 'diff.md'), renderDiffMarkdown(diff));
  await writeFile(join(outDir, 'diff.json'), renderDiffJson(diff));
}

/** The only write the scan makes: into the partner's own evidence bucket, with the base credentials. */
async function upload(outDir: string, uri: string, profile: string | undefined): Promise<void> {
  const client = new S3Client({ followRegionRedirects: true, ...(profile ? { profile } : {}) });
  try {
    await uploadRun(client, outDir, parseS3Uri(uri));
  } finally {
    client.destroy();
  }
}

async function statementsFor(run: RunConfig, checks: readonly AnyCheck[]): Promise<PartnerStatements> {
  const files = run.config.attestations ?? [];
  if (files.length === 0) return NO_STATEMENTS;
  return loadStatements(files, { checklists: [run.checklist], checkIds: checks.map((c) => c.id) });
}
