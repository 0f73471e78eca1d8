// `partner-audit report`: render a run's reports again, offline, without ever rewriting its evidence.
// The run is verified first: evidence that no longer matches SHA256SUMS (or its signature) is refused
// unless --allow-modified, and then every report says it was re-rendered from modified results, with
// the hashes. Each rendering goes to its own folder, rerenders/<time>[-modified]/, with RENDER.json
// (its provenance), its own SHA256SUMS and optionally its own signature; the run's SHA256SUMS and
// SIGNATURE.json are never touched (docs/evidence.md).

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeChecksums } from '../bundle/checksums.js';
import { CHECKSUMS_FILE, sha256File } from '../bundle/files.js';
import { RENDER_FILE, type EvidenceDifference, type RenderRecord } from '../bundle/render-record.js';
import { checkSignOptions, signRun, type SignOptions } from '../bundle/sign.js';
import { RENDER_SIGNED_FILES, SIGNED_FILES, type SignatureFile } from '../bundle/signature.js';
import { checkSignature, compareWithChecksums, describeDifferences, differs, type Comparison, type SignatureCheck } from '../bundle/verify.js';
import type { AnyCheck } from '../contract/check.js';
import type { ResultsHead } from '../contract/results.js';
import { IntegrityError, UsageError } from '../errors.js';
import { selectReporters } from '../report/registry.js';
import type { ReportView } from '../report/view.js';
import { renderReports, renderToBuffer, type RenderedReport } from '../report/render.js';
import { RERENDERS_DIR } from '../snapshot/layout.js';
import { assertUnlocked, type RunLock } from '../snapshot/lock.js';
import { MANIFEST_FILE, RESULTS_FILE } from '../snapshot/manifest.js';
import { readResultsStream, readResultsStreamFor, resultsFileOf } from '../snapshot/results-file.js';
import { getChecklist } from '../catalog/index.js';
import { TOOL } from '../version.js';
import { loadReportInput } from './report-input.js';
import { checkSelection } from './check-selection.js';
import { openExistingRunDir } from './run-dir.js';

export interface RerenderRequest extends SignOptions {
  runDir: string;
  format: string;
  /** Write the single format to stdout instead of a re-render folder. */
  toStdout?: boolean;
  baseline?: string;
  /** Render even when the evidence no longer matches SHA256SUMS; the reports then say so. */
  allowModified?: boolean;
  /** Take over a stale lock. */
  force?: boolean;
  /** What the reports list; results.json, when rendered, stays complete. */
  view?: ReportView;
  /** Which of the run's checklists to render (default its primary, at the top of the run). */
  checklist?: string;
}

export interface RerenderOutcome {
  results: ResultsHead;
  record: RenderRecord;
  /** `rerenders/<id>`, relative to the run directory (absent with toStdout). */
  folder?: string;
  reports: RenderedReport[];
  /** The rendered format, with toStdout. */
  output?: string | Uint8Array;
  signature?: SignatureFile;
}

interface EvidenceState {
  comparison: Comparison;
  signature?: SignatureCheck;
  /** Why the evidence is not the sealed one, or undefined when it is. */
  problem?: string;
}

async function checkEvidence(runDir: string): Promise<EvidenceState> {
  const comparison = await compareWithChecksums(runDir);
  const signature = await checkSignature(runDir, SIGNED_FILES, {}, false);
  const problem = !comparison.expected
    ? `${runDir} has no ${CHECKSUMS_FILE}, so nothing shows its evidence is the sealed one`
    : differs(comparison)
      ? `${runDir} does not match its ${CHECKSUMS_FILE} (${describeDifferences(comparison)})`
      : signature && !signature.valid
        ? `the signature of ${runDir} does not hold (${signature.problem})`
        : undefined;
  return { comparison, ...(signature ? { signature } : {}), ...(problem ? { problem } : {}) };
}

function evidenceDifferences({ expected, actual, changed, removed, added }: Comparison): EvidenceDifference[] {
  const sealed = (file: string) => (expected?.has(file) ? { sealed: expected.get(file)! } : {});
  const current = (file: string) => (actual.has(file) ? { current: actual.get(file)! } : {});
  return [
    ...changed.map((file) => ({ file, change: 'changed' as const, ...sealed(file), ...current(file) })),
    ...removed.map((file) => ({ file, change: 'removed' as const, ...sealed(file) })),
    ...added.map((file) => ({ file, change: 'added' as const, ...current(file) })),
  ];
}

function describeSignature(signature: SignatureCheck | undefined): string {
  if (!signature) return 'none';
  return signature.valid ? `valid, ${signature.algorithm}, key ${signature.keyFingerprint}` : `invalid: ${signature.problem}`;
}

async function renderRecord(request: RerenderRequest, evidence: EvidenceState): Promise<RenderRecord> {
  const { runDir } = request;
  const resultsFile = request.checklist ? await resultsFileOf(runDir, request.checklist) : RESULTS_FILE;
  const inputs: Record<string, string> = {
    [resultsFile]: await sha256File(join(runDir, resultsFile)),
    [MANIFEST_FILE]: await sha256File(join(runDir, MANIFEST_FILE)),
    ...(request.baseline ? { [`baseline ${RESULTS_FILE}`]: await sha256File(join(request.baseline, RESULTS_FILE)) } : {}),
  };
  return {
    version: 1,
    renderedAt: new Date().toISOString(),
    tool: { ...TOOL },
    formats: selectReporters(request.format).map((r) => r.format),
    source: evidence.problem ? 'modified' : 'sealed',
    evidence: {
      checksums: evidence.comparison.expected ? await sha256File(join(runDir, CHECKSUMS_FILE)) : null,
      signature: describeSignature(evidence.signature),
      differences: evidenceDifferences(evidence.comparison),
    },
    inputs,
  };
}

/** Checks the arguments offline, before the run is opened. */
async function checkRequest(request: RerenderRequest): Promise<void> {
  const reporters = selectReporters(request.format);
  if (request.toStdout && reporters.length !== 1) throw new UsageError(`--out - writes a single format; got "${request.format}"`);
  if (request.toStdout && (request.signKey || request.signKmsKeyId)) throw new UsageError('--out - writes to stdout: there is nothing to sign');
  await checkSignOptions(request);
  if (request.checklist) request.checklist = getChecklist(request.checklist).id;
  if (request.baseline) await (request.checklist ? readResultsStreamFor(request.baseline, request.checklist) : readResultsStream(request.baseline));
}

export async function rerenderRun(request: RerenderRequest, checks: readonly AnyCheck[]): Promise<RerenderOutcome> {
  await checkRequest(request);
  const { runDir } = request;
  let lock: RunLock | undefined;
  if (request.toStdout) await assertUnlocked(runDir, request.force);
  else lock = await openExistingRunDir(runDir, { label: 'run directory', command: 'report', force: request.force === true });
  try {
    const evidence = await checkEvidence(runDir);
    if (evidence.problem && !request.allowModified) {
      throw new IntegrityError(`${evidence.problem}: refusing to re-render it; pass --allow-modified to render it anyway, marked "re-rendered from modified results"`);
    }
    const input = await loadReportInput(runDir, checks, request.baseline, request.checklist);
    const record = await renderRecord(request, evidence);
    input.rerender = record;
    if (request.view) {
      checkSelection(request.view, checks, [input.checklist]);
      input.view = request.view;
    }
    if (request.toStdout) return { results: input.results, record, reports: [], output: await renderToBuffer(input, request.format) };
    const suffix = `${request.checklist ? `-${request.checklist}` : ''}${record.source === 'modified' ? '-modified' : ''}`;
    const folder = `${RERENDERS_DIR}/${record.renderedAt.replace(/[:.]/g, '-')}${suffix}`;
    const path = join(runDir, folder);
    await mkdir(join(runDir, RERENDERS_DIR), { recursive: true });
    await mkdir(path);
    try {
      const reports = await renderReports(input, request.format, path);
      await writeFile(join(path, RENDER_FILE), `${JSON.stringify(record, null, 2)}\n`);
      await writeChecksums(path);
      const signature = await signRun(path, request, RENDER_SIGNED_FILES);
      return { results: input.results, record, folder, reports, ...(signature ? { signature } : {}) };
    } catch (error) {
      // A half-made rendering would fail the run's verification: leave none.
      await rm(path, { recursive: true, force: true });
      throw error;
    }
  } finally {
    await lock?.release();
  }
}
