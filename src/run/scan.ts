// The scan pipeline: check every argument that can be checked offline → open and lock the run
// directory → collect the evidence (or copy a saved snapshot) → evaluate → report → seal (SHA256SUMS)
// → sign → upload. Nothing reaches AWS before the first two steps passed. Commands stay thin: they
// parse flags, call this, and render its events and outcome.

import type * as SdkS3 from '@aws-sdk/client-s3';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { loadStatements } from '../attest/load.js';
import { namesAccountsByTag } from '../attest/scope.js';
import { NO_STATEMENTS, type PartnerStatements } from '../attest/types.js';
import { startDeadline } from '../aws/deadline.js';
import { configuredRegion } from '../aws/home-region.js';
import { diffRuns, type RunDiff } from '../bookkeeping/diff.js';
import { renderDiffJson, renderDiffMarkdown } from '../bookkeeping/diff-render.js';
import { parseShard, type Shard } from '../bookkeeping/shard.js';
import { writeChecksums } from '../bundle/checksums.js';
import { checkSignOptions, removeSignature, signRun, type SignOptions } from '../bundle/sign.js';
import type { ScanEvents } from '../collect/events.js';
import { runVocabulary } from '../collect/vocabulary.js';
import type { AnyCheck } from '../contract/check.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { DeploymentModel, Finding, FindingSource, Results, ResultsHead, ResultsSelection } from '../contract/results.js';
import type { RequirementStatus, Severity } from '../contract/status.js';
import { UsageError } from '../errors.js';
import { selectChecks } from '../policy/selection.js';
import { checkSummaries } from '../report/check-summary.js';
import { selectReporters } from '../report/registry.js';
import { asffFindings, type AsffFinding } from '../report/asff.js';
import { redactReportInput, renderReports } from '../report/render.js';
import { viewOf, type ReportView } from '../report/view.js';
import type { ReportInput } from '../report/types.js';
import type { RunLock } from '../snapshot/lock.js';
import type { JudgedManifest } from '../snapshot/manifest.js';
import { checklistDir } from '../snapshot/layout.js';
import { findResultsFor } from '../snapshot/results-file.js';
import { describeTarget, notifyDrift, parseNotifyTarget, type NotifyTarget } from '../bookkeeping/notify.js';
import { importIntoSecurityHub } from '../storage/security-hub.js';
import { assertSomethingSelected, checkSelection, isSelective, narrowChecklist, narrowChecks } from './check-selection.js';
import { parseS3Uri, uploadRun, type S3Location } from '../storage/upload.js';
import { collectEvidence } from './collect.js';
import { evaluateRunDir } from './evaluate.js';
import { resolveRunConfig, selectionOf, type RunConfig, type ScanFlags } from './options.js';
import { checkSettingsOf } from '../config/schema.js';
import { assertResumable } from './resume-check.js';
import { emptyRunDir, openExistingRunDir, openNewRunDir } from './run-dir.js';
import { copySnapshot } from './snapshot-copy.js';
import { sdkModule } from '../aws/sdk-module.js';

const { S3Client } = sdkModule<typeof SdkS3>('@aws-sdk/client-s3');

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
  /** `--severity`, `--status`: what the reports list (results.json stays complete). */
  severity?: Severity[];
  status?: RequirementStatus[];
  /** Import the findings into the caller's own Security Hub, in its configured region. */
  securityHub?: boolean;
  /** An SNS topic ARN or an https webhook told what drifted since --baseline, when something did. */
  notify?: string;
  /** `--checks`, `--requirements`: collect and judge only these (recorded in results.json). */
  checks?: string[];
  requirements?: string[];
}

/** One checklist's verdicts from the scan. */
export interface ChecklistOutcome {
  checklist: Checklist;
  /** Everything but the findings, which stream from the checklist's results.json. */
  results: ResultsHead;
  findings: FindingSource;
  /** The report files written (paths). */
  reportFiles: string[];
  /** What changed since `--baseline`, when the baseline judged this checklist. */
  diff?: RunDiff;
}

/** The primary checklist's outcome at the top, every checklist's (the primary first) in `checklists`. */
export interface ScanOutcome extends ChecklistOutcome {
  outDir: string;
  manifest: JudgedManifest;
  checklists: ChecklistOutcome[];
  signed: boolean;
  /** Findings imported by `--security-hub`, and where. */
  securityHub?: { imported: number; region: string };
  /** Where `--notify` sent the drift, or why it sent nothing. */
  notified?: string;
}

/** Everything the scan needs that could be read and checked without AWS. */
interface Prepared {
  run: RunConfig;
  statements: PartnerStatements;
  /** The baseline's results by checklist id, for the checklists it judged. */
  baselines: Map<string, Results>;
  shard?: Shard;
  upload?: S3Location;
  /** The region `--security-hub` imports into. */
  securityHubRegion?: string;
  notify?: NotifyTarget;
  selection: ResultsSelection;
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
  if (request.snapshot) refuseTargetFlags(request);
  selectReporters(request.format);
  const shard = request.shard ? parseShard(request.shard) : undefined;
  const run = await resolveRunConfig(request);
  const statements = await statementsFor(run, checks);
  const selection: ResultsSelection = { ...(request.checks ? { checks: request.checks } : {}), ...(request.requirements ? { requirements: request.requirements } : {}) };
  checkSelection(selection, checks, run.checklists);
  if (isSelective(selection)) assertSomethingSelected(checks, run.checklists, selection);
  const baselines = request.baseline ? await baselinesFor(request.baseline, run.checklists) : new Map<string, Results>();
  const upload = request.upload ? parseS3Uri(request.upload) : undefined;
  const securityHubRegion = request.securityHub ? await securityHubRegionOf(run.config.profile) : undefined;
  const notify = request.notify !== undefined ? parseNotifyTarget(request.notify, request.baseline !== undefined) : undefined;
  await checkSignOptions(request);
  const runId = defaultRunId();
  const outDir = request.resume ?? request.out ?? join('runs', runId);
  if (request.snapshot && (await sameDirectory(request.snapshot, outDir))) {
    throw new UsageError('--out must differ from --snapshot: the snapshot is evidence and is never modified');
  }
  return {
    run,
    statements,
    baselines,
    selection,
    runId,
    outDir,
    ...(shard ? { shard } : {}),
    ...(upload ? { upload } : {}),
    ...(securityHubRegion ? { securityHubRegion } : {}),
    ...(notify ? { notify } : {}),
  };
}

async function securityHubRegionOf(profile: string | undefined): Promise<string> {
  const region = await configuredRegion(profile);
  if (!region) throw new UsageError("--security-hub imports into the Security Hub of your configured region: set AWS_REGION or the profile's region");
  return region;
}

/** The flags that choose what to collect; a snapshot was collected already and holds what it holds. */
const TARGET_FLAGS: [keyof ScanFlags, string][] = [
  ['accounts', '--accounts'],
  ['regions', '--regions'],
  ['org', '--org'],
  ['includeAccounts', '--include-accounts'],
  ['excludeAccounts', '--exclude-accounts'],
  ['includeTag', '--include-tag'],
  ['excludeTag', '--exclude-tag'],
];

function refuseTargetFlags(request: ScanRequest): void {
  const given = TARGET_FLAGS.filter(([key]) => request[key] !== undefined).map(([, flag]) => flag);
  if (given.length === 0) return;
  throw new UsageError(
    `--snapshot evaluates every account and region the snapshot holds; ${given.join(', ')} only narrow${given.length === 1 ? 's' : ''} a collection from AWS: drop ${given.length === 1 ? 'it' : 'them'} (narrow the snapshot with --checks or --requirements), or scan again with ${given.length === 1 ? 'it' : 'them'}`,
  );
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
      if (request.resume) await assertResumable(outDir, selectionOf(run.config), { checklist: run.checklist, checklists: run.checklists }, request.force === true);
      secrets = await collectEvidence({
        run,
        checks: checksOf(run, checks, prepared.selection),
        runId: prepared.runId,
        outDir,
        ...(prepared.shard ? { shard: prepared.shard } : {}),
        resume: Boolean(request.resume),
        events,
        readTags: namesAccountsByTag(prepared.statements) || Object.keys(run.config.production?.accountTags ?? {}).length > 0,
        ...(deadline ? { deadline } : {}),
      });
    }
    const outcomes: ChecklistOutcome[] = [];
    let manifest: JudgedManifest | undefined;
    for (const checklist of run.checklists) {
      const judged = await judgeChecklist(prepared, checklist, { checks, format: request.format, secrets, view: viewOf(request) });
      manifest = judged.manifest;
      outcomes.push(judged.outcome);
    }
    // A resumed run was sealed (and maybe signed) before: its old signature no longer holds.
    await removeSignature(outDir);
    await writeChecksums(outDir);
    const signature = await signRun(outDir, { ...request, ...(run.config.profile ? { profile: run.config.profile } : {}) });
    if (prepared.upload) await upload(outDir, prepared.upload, run.config.profile);
    const securityHub = prepared.securityHubRegion ? await importFindingsOf(outcomes, manifest!, checks, secrets, prepared.securityHubRegion, run) : undefined;
    const notified = prepared.notify ? await notifyOf(prepared.notify, outcomes, outDir, run.config.profile) : undefined;
    return {
      ...outcomes[0]!,
      outDir,
      manifest: manifest!,
      checklists: outcomes,
      signed: signature !== undefined,
      ...(securityHub ? { securityHub } : {}),
      ...(notified ? { notified } : {}),
    };
  } finally {
    await lock.release();
  }
}

/** The checks of the run's checklists: what the collection gathers evidence for. */
function checksOf(run: RunConfig, checks: readonly AnyCheck[], selection: ResultsSelection): AnyCheck[] {
  const mapped = selectChecks({ checklist: run.checklists.map((c) => `${c.id}@${c.version}`) }, checks);
  return narrowChecks(mapped, run.checklists.map((c) => narrowChecklist(c, checks, selection)), selection);
}

interface JudgeOptions {
  checks: readonly AnyCheck[];
  format: string;
  secrets: string[];
  view: ReportView;
}

/** Evaluates the run's snapshot for one checklist, then writes its results, drift and reports in its folder. */
async function judgeChecklist(prepared: Prepared, checklist: Checklist, options: JudgeOptions): Promise<{ manifest: JudgedManifest; outcome: ChecklistOutcome }> {
  const { run, outDir } = prepared;
  const dir = checklistDir(outDir, checklist.id, run.checklist.id);
  await mkdir(dir, { recursive: true });
  // A narrowed scan judges only the chosen requirements, with only the chosen checks.
  const judged = narrowChecklist(checklist, options.checks, prepared.selection);
  const checks = narrowChecks(options.checks, [judged], prepared.selection);
  const { manifest, results, findings } = await evaluateRunDir({
    runDir: outDir,
    resultsDir: dir,
    checks,
    checklist: judged,
    deploymentModel: run.config.deploymentModel as DeploymentModel,
    settings: checkSettingsOf(run.config),
    statements: prepared.statements,
    ...(run.config.production ? { production: run.config.production } : {}),
    secrets: options.secrets,
    ...(isSelective(prepared.selection) ? { selection: prepared.selection } : {}),
  });
  const baseline = prepared.baselines.get(checklist.id);
  const otherChecklists = run.checklists
    .filter((other) => other !== checklist)
    .map((other) => ({ id: other.id, folder: relative(dir, checklistDir(outDir, other.id, run.checklist.id)).split(sep).join('/') || '.' }));
  const input: ReportInput = {
    results,
    findings,
    manifest,
    checklist: judged,
    checks: checkSummaries(checks, checklist.id),
    otherChecklists,
    ...(baseline ? { baseline } : {}),
    view: options.view,
  };
  // The diff compares findings per resource, so it is the one step that reads them all (only with --baseline).
  const diff = baseline ? diffRuns(baseline, { ...results, findings: await allFindings(findings) }, new Date()) : undefined;
  if (diff) await writeDiff(dir, diff);
  const reports = await renderReports(input, options.format, dir, { secrets: options.secrets, findingsRedacted: true, resultsWritten: true });
  const reportFiles = reports.map((r) => join(dir, r.fileName));
  return { manifest, outcome: { checklist: judged, results, findings, reportFiles, ...(diff ? { diff } : {}) } };
}

async function allFindings(source: FindingSource): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const finding of source.each()) findings.push(finding);
  return findings;
}

/** The baseline run's results for each checklist it judged; refused when it judged none of the scan's. */
async function baselinesFor(baselineDir: string, checklists: readonly Checklist[]): Promise<Map<string, Results>> {
  const found = new Map<string, Results>();
  for (const checklist of checklists) {
    const results = await findResultsFor(baselineDir, checklist.id);
    if (results) found.set(checklist.id, results);
  }
  if (found.size === 0) {
    throw new UsageError(`--baseline ${baselineDir} judged none of ${checklists.map((c) => c.id).join(', ')}: nothing to compare`);
  }
  return found;
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

/**
 * Every finding of every checklist (never a filtered view), redacted as the reports are, with the
 * base credentials. A finding judged under several checklists goes in once, as the first judged it.
 */
async function importFindingsOf(
  outcomes: readonly ChecklistOutcome[],
  manifest: JudgedManifest,
  checks: readonly AnyCheck[],
  secrets: string[],
  region: string,
  run: RunConfig,
): Promise<{ imported: number; region: string }> {
  const { profile, retry } = run.config;
  async function* findings(): AsyncIterable<AsffFinding> {
    const seen = new Set<string>();
    for (const { results, findings, checklist } of outcomes) {
      const input = redactReportInput({ results, findings, manifest, checklist, checks: checkSummaries(checks, checklist.id) }, { secrets, findingsRedacted: true });
      for await (const finding of asffFindings(input)) {
        if (seen.has(finding.Id)) continue;
        seen.add(finding.Id);
        yield finding;
      }
    }
  }
  const { imported } = await importIntoSecurityHub(findings(), { region, ...(profile ? { profile } : {}), maxAttempts: retry.maxAttempts, retryMode: retry.mode });
  return { imported, region };
}

async function notifyOf(target: NotifyTarget, outcomes: readonly ChecklistOutcome[], outDir: string, profile: string | undefined): Promise<string> {
  const diffs = outcomes.flatMap((o) => (o.diff ? [o.diff] : []));
  const sent = await notifyDrift(target, diffs, basename(resolve(outDir)), profile ? { profile } : {});
  return sent ? `drift sent to ${describeTarget(target)}` : 'nothing worth telling changed since the baseline: no notification sent';
}

async function statementsFor(run: RunConfig, checks: readonly AnyCheck[]): Promise<PartnerStatements> {
  const files = run.config.attestations ?? [];
  if (files.length === 0) return NO_STATEMENTS;
  return loadStatements(files, { checklists: run.checklists, checkIds: checks.map((c) => c.id) });
}
