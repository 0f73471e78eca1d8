// Stage 2 of a scan: judge a run directory's snapshot and write results.json beside it.

import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PartnerStatements } from '../attest/types.js';
import { applicabilityOf, checksToRun } from '../catalog/applicability.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { CheckSettings } from '../contract/settings.js';
import type { AnyCheck } from '../contract/check.js';
import { evaluateAccounts, type EvidenceSource } from '../engine/evaluate.js';
import { ResultsJudge } from '../engine/results.js';
import type { DeploymentModel, Finding, FindingSource, ProductionScope, RequirementResult, ResultsHead, ResultsSelection } from '../contract/results.js';
import { writeChunks } from '../snapshot/chunk-writer.js';
import { JsonCopier, justWritten, resultsJsonChunks } from '../snapshot/results-file.js';
import { redact } from '../snapshot/redact.js';
import { DATASETS_DIR, RESULTS_FILE, type JudgedManifest } from '../snapshot/manifest.js';
import { hasDatasetsFile, readAccountDatasets, readJudgedManifest } from '../snapshot/reader.js';
import { runVocabulary } from '../collect/vocabulary.js';

export interface EvaluateRequest {
  /** The run directory whose snapshot is judged. */
  runDir: string;
  /** Where results.json goes: the run directory, or the checklist's folder in it (default runDir). */
  resultsDir?: string;
  checks: AnyCheck[];
  checklist: Checklist;
  deploymentModel: DeploymentModel;
  settings: CheckSettings;
  /** The partner's attestations (those for this checklist apply) and accepted exceptions. */
  statements: PartnerStatements;
  production?: ProductionScope;
  /** Exact secret values (the scan's credentials) that must never reach results. */
  secrets?: string[];
  /** `scan --checks/--requirements`: recorded in results.json (the checklist and checks come narrowed). */
  selection?: ResultsSelection;
}

export interface Evaluated {
  manifest: JudgedManifest;
  /** Everything but the findings, which stay on disk in results.json. */
  results: ResultsHead;
  findings: FindingSource;
}

/** Evidence is judged as of the end of its collection, so a replay gives the same verdicts. */
function evidenceTime(manifest: JudgedManifest): Date {
  return new Date(manifest.finishedAt ?? manifest.startedAt);
}

/**
 * An account the manifest says was reached but whose datasets file is gone cannot stand as scanned:
 * it is judged PARTIAL, with the reason. The manifest on disk stays as it is.
 */
async function withMissingEvidence(runDir: string, manifest: JudgedManifest): Promise<JudgedManifest> {
  const accounts = await Promise.all(
    manifest.accounts.map(async (account) => {
      // An account the deadline stopped before it wrote anything already says why.
      if ((account.status !== 'SCANNED' && account.status !== 'PARTIAL') || account.stoppedBy) return account;
      if (await hasDatasetsFile(runDir, account.accountId)) return account;
      const error = `its datasets file (${DATASETS_DIR}/${account.accountId}.jsonl) is missing, so none of its evidence can be judged`;
      return { ...account, status: 'PARTIAL' as const, error };
    }),
  );
  return { ...manifest, accounts };
}

/**
 * Judges one account at a time and streams its findings into results.json as they are made;
 * memory holds the account being judged, the requirement rows and the partner-level tallies.
 */
export async function evaluateRunDir(request: EvaluateRequest): Promise<Evaluated> {
  const vocabulary = runVocabulary();
  const manifest = await withMissingEvidence(request.runDir, await readJudgedManifest(request.runDir, vocabulary));
  const source: EvidenceSource = { manifest, datasets: (accountId) => readAccountDatasets(request.runDir, accountId, vocabulary) };
  const applicable = new Set(
    request.checklist.requirements.filter((r) => applicabilityOf(r, request.deploymentModel, request.settings).applies).map((r) => r.id),
  );
  const now = evidenceTime(manifest);
  const judge = new ResultsJudge({
    manifest,
    checklist: request.checklist,
    deploymentModel: request.deploymentModel,
    settings: request.settings,
    attestations: request.statements.attestations.get(request.checklist.id) ?? new Map(),
    exceptions: request.statements.exceptions,
    ...(request.production ? { production: request.production } : {}),
    now,
  });
  const secrets = { secrets: request.secrets ?? [] };
  // Each account's rows are kept as the reports will hold them (redacted, equal parts shared), not
  // as made and then copied again once all are done: 19,000 rows at 1,000 accounts.
  const copier = new JsonCopier();
  const accountRows: RequirementResult[] = [];
  let count = 0;
  async function* findings(): AsyncGenerator<Finding> {
    const batches = evaluateAccounts(source, {
      checks: checksToRun(request.checks, request.settings),
      checklist: request.checklist,
      settings: request.settings,
      applicableRequirements: applicable,
      now,
      redact: (finding) => redact(finding, secrets),
    });
    for await (const { account, findings } of batches) {
      judge.mark(findings);
      for (const row of redact(judge.accountRows(account, findings), secrets)) accountRows.push(copier.copy(row));
      count += findings.length;
      yield* findings;
    }
  }
  const outDir = request.resultsDir ?? request.runDir;
  // The head and rows are redacted as the findings are, so the file holds no secret at any moment
  // and the scan's json report need not write it again.
  const head = redact({ ...judge.head(), ...(request.selection ? { selection: request.selection } : {}) }, secrets);
  let rows: Pick<ResultsHead, 'requirements' | 'exceptions'> | undefined;
  // Partner rows first, as buildResults orders them; asked for once the findings are all written.
  const tail = () => (rows ??= { requirements: [...redact(judge.partnerRows(), secrets), ...accountRows], exceptions: redact(judge.exceptionSummaries(), secrets) });
  await writeResultsFile(outDir, resultsJsonChunks({ head, findings: findings(), tail }));
  return { manifest, ...justWritten(outDir, { ...head, ...tail() }, count, copier) };
}

/** Written beside, then renamed: an interrupted evaluation leaves no half results.json. */
async function writeResultsFile(dir: string, chunks: AsyncIterable<string>): Promise<void> {
  const target = join(dir, RESULTS_FILE);
  const partial = `${target}.partial`;
  try {
    await writeChunks(partial, chunks);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, target);
}
