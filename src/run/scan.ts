// The scan pipeline: check every argument that can be checked offline → open and lock the run
// directory → collect the evidence (or copy a saved snapshot) → evaluate → report → seal (SHA256SUMS)
// → sign → upload. Nothing reaches AWS before the first two steps passed. Commands stay thin: they
// parse flags, call this, and render its events and outcome.

import { S3Client } from '@aws-sdk/client-s3';
import { realpath, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadStatements } from '../attest/load.js';
import { namesAccountsByTag } from '../attest/scope.js';
import { NO_STATEMENTS, type PartnerStatements } from '../attest/types.js';
import { startDeadline } from '../aws/deadline.js';
import { diffRuns, type RunDiff } from '../bookkeeping/diff.js';
import { renderDiffJson, renderDiffMarkdown } from '../bookkeeping/diff-render.js';
import { parseShard, type Shard } from '../bookkeeping/shard.js';
import { writeChecksums } from '../bundle/checksums.js';
import { checkSignOptions, removeSignature, signRun, type SignOptions } from '../bundle/sign.js';
import type { ScanEvents } from '../collect/events.js';
import { runVocabulary } from '../collect/vocabulary.js';
import type { AnyCheck } from '../contract/check.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { DeploymentModel, Finding, FindingSource, Results, ResultsHead } from '../contract/results.js';
import { UsageError } from '../errors.js';
import { checkSummaries } from '../report/check-summary.js';
import { selectReporters } from '../report/registry.js';
import { renderReports } from '../report/render.js';
import type { ReportInput } from '../report/types.js';
import type { RunLock } from '../snapshot/lock.js';
import type { Manifest } from '../snapshot/manifest.js';
import { readResults } from '../snapshot/results-file.js';
import { parseS3Uri, uploadRun, type S3Location } from '../storage/upload.js';
import { collectEvidence } from './collect.js';
import { evaluateRunDir } from './evaluate.js';
import { resolveRunConfig, selectionOf, type RunConfig, type ScanFlags } from './options.js';
import { checkSettingsOf } from '../config/schema.js';
import { assertResumable } from './resume-check.js';
import { emptyRunDir, openExistingRunDir, openNewRunDir } from './run-dir.js';
import { copySnapshot } from './snapshot-copy.js';

export interface ScanRequest extends ScanFlags, SignOptions {
  out?: string;
  format: string;
  snapshot?: string;
  resume?: string;
  shard?: string;
  baseline?: string;
  upload?: string;
  /** `--deadline`, in milliseconds: collection stops then, unfinished accounts end PARTIAL. */
  deadline?: number;
  /** Replace an earlier run in --out, resume with other targets or regions, take over a stale lock. */
  force?: boolean;
}

export interface ScanOutcome {
  outDir: string;
  manifest: Manifest;
  /** Everything but the findings, which stream from results.json. */
  results: ResultsHead;
  findings: FindingSource;
  checklist: Checklist;
  /** The report files written (paths). */
  reportFiles: string[];
  /** What changed since `--baseline`, when given. */
  diff?: RunDiff;
  signed: boolean;
}

/** Everything the scan needs that could be read and checked without AWS. */
interface Prepared {
  run: RunConfig;
  statements: PartnerStatements;
  baseline?: Results;
  shard?: Shard;
  upload?: S3Location;
  runId: string;
  outDir: string;
}

function defaultRunId(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Fails on the first bad argument, before any file is written or any AWS call is made. */
async function prepare(request: ScanRequest, checks: readonly AnyCheck[]): Promise<Prepared> {
  if (request.snapshot && request.resume) throw new UsageError('use --snapshot or --resume, not both');
  if (request.snapshot && request.deadline) throw new UsageError('--deadline limits collection from AWS; --snapshot collects nothing');
  if (request.resume && request.out) throw new UsageError('--resume finishes the run in place; drop --out');
  selectReporters(request.format);
  const shard = request.shard ? parseShard(request.shard) : undefined;
  const run = await resolveRunConfig(request);
  const statements = await statementsFor(run, checks);
  const baseline = request.baseline ? await readResults(request.baseline) : undefined;
  const upload = request.upload ? parseS3Uri(request.upload) : undefined;
  await checkSignOptions(request);
  const runId = defaultRunId();
  const outDir = request.resume ?? request.out ?? join('runs', runId);
  if (request.snapshot && (await sameDirectory(request.snapshot, outDir))) {
    throw new UsageError('--out must differ from --snapshot: the snapshot is evidence and is never modified');
  }
  return { run, statements, runId, outDir, ...(baseline ? { baseline } : {}), ...(shard ? { shard } : {}), ...(upload ? { upload } : {}) };
}

async function sameDirectory(a: string, b: string): Promise<boolean> {
  const real = (path: string): Promise<string> => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

async function openOutDir(request: ScanRequest, outDir: string): Promise<RunLock> {
  const force = request.force === true;
  if (request.resume) return openExistingRunDir(outDir, { label: '--resume', command: 'scan --resume', force });
  return openNewRunDir(outDir, { label: '--out', command: 'scan', force });
}

export async function runScanPipeline(request: ScanRequest, checks: readonly AnyCheck[], events: ScanEvents = {}): Promise<ScanOutcome> {
  const deadline = request.deadline ? startDeadline(request.deadline) : undefined;
  const prepared = await prepare(request, checks);
  const { run, outDir } = prepared;
  const lock = await openOutDir(request, outDir);
  try {
    let secrets: string[] = [];
    if (request.snapshot) {
      // A snapshot refused half-way leaves nothing behind in the new run directory.
      await copySnapshot(request.snapshot, outDir, runVocabulary()).catch(async (error: unknown) => {
        await emptyRunDir(outDir);
        throw error;
      });
    } else {
      if (request.resume) await assertResumable(outDir, selectionOf(run.config), request.force === true);
      secrets = await collectEvidence({
        run,
        checks: [...checks],
        runId: prepared.runId,
        outDir,
        ...(prepared.shard ? { shard: prepared.shard } : {}),
        resume: Boolean(request.resume),
        events,
        readTags: namesAccountsByTag(prepared.statements) || Object.keys(run.config.production?.accountTags ?? {}).length > 0,
        ...(deadline ? { deadline } : {}),
      });
    }
    const { manifest, results, findings } = await evaluateRunDir({
      runDir: outDir,
      checks: [...checks],
      checklist: run.checklist,
      deploymentModel: run.config.deploymentModel as DeploymentModel,
      settings: checkSettingsOf(run.config),
      statements: prepared.statements,
      ...(run.config.production ? { production: run.config.production } : {}),
      secrets,
    });
    const input: ReportInput = {
      results,
      findings,
      manifest,
      checklist: run.checklist,
      checks: checkSummaries(checks, run.checklist.id),
      ...(prepared.baseline ? { baseline: prepared.baseline } : {}),
    };
    // The diff compares findings per resource, so it is the one step that reads them all (only with --baseline).
    const diff = prepared.baseline ? diffRuns(prepared.baseline, { ...results, findings: await allFindings(findings) }, new Date()) : undefined;
    if (diff) await writeDiff(outDir, diff);
    const reports = await renderReports(input, request.format, outDir, { secrets });
    // A resumed run was sealed (and maybe signed) before: its old signature no longer holds.
    await removeSignature(outDir);
    await writeChecksums(outDir);
    const signature = await signRun(outDir, { ...request, ...(run.config.profile ? { profile: run.config.profile } : {}) });
    if (prepared.upload) await upload(outDir, prepared.upload, run.config.profile);
    const reportFiles = reports.map((r) => join(outDir, r.fileName));
    return { outDir, manifest, results, findings, checklist: run.checklist, reportFiles, ...(diff ? { diff } : {}), signed: signature !== undefined };
  } finally {
    await lock.release();
  }
}

async function allFindings(source: FindingSource): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const finding of source.each()) findings.push(finding);
  return findings;
}

async function writeDiff(outDir: string, diff: RunDiff): Promise<void> {
  await writeFile(join(outDir, 'diff.md'), renderDiffMarkdown(diff));
  await writeFile(join(outDir, 'diff.json'), renderDiffJson(diff));
}

/** The only write the scan makes: into the partner's own evidence bucket, with the base credentials. */
async function upload(outDir: string, target: S3Location, profile: string | undefined): Promise<void> {
  const client = new S3Client({ followRegionRedirects: true, ...(profile ? { profile } : {}) });
  try {
    await uploadRun(client, outDir, target);
  } finally {
    client.destroy();
  }
}

async function statementsFor(run: RunConfig, checks: readonly AnyCheck[]): Promise<PartnerStatements> {
  const files = run.config.attestations ?? [];
  if (files.length === 0) return NO_STATEMENTS;
  return loadStatements(files, { checklists: [run.checklist], checkIds: checks.map((c) => c.id) });
}
