// Stage 2 of a scan: judge a run directory's snapshot and write results.json beside it.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PartnerStatements } from '../attest/types.js';
import { applicabilityOf, checksToRun } from '../catalog/applicability.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { CheckSettings } from '../contract/settings.js';
import type { AnyCheck } from '../contract/check.js';
import { evaluateRun, type EvidenceSource } from '../engine/evaluate.js';
import { buildResults } from '../engine/results.js';
import type { DeploymentModel, ProductionScope, Results, ResultsSelection } from '../contract/results.js';
import { redact } from '../snapshot/redact.js';
import { DATASETS_DIR, RESULTS_FILE, type Manifest } from '../snapshot/manifest.js';
import { hasDatasetsFile, readAccountDatasets, readManifest } from '../snapshot/reader.js';
import { runVocabulary } from '../collect/vocabulary.js';

export interface EvaluateRequest {
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
  manifest: Manifest;
  results: Results;
}

/** Evidence is judged as of the end of its collection, so a replay gives the same verdicts. */
function evidenceTime(manifest: Manifest): Date {
  return new Date(manifest.finishedAt ?? manifest.startedAt);
}

/**
 * An account the manifest says was reached but whose datasets file is gone cannot stand as scanned:
 * it is judged PARTIAL, with the reason. The manifest on disk stays as it is.
 */
async function withMissingEvidence(runDir: string, manifest: Manifest): Promise<Manifest> {
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

export async function evaluateRunDir(request: EvaluateRequest): Promise<Evaluated> {
  const vocabulary = runVocabulary();
  const manifest = await withMissingEvidence(request.runDir, await readManifest(request.runDir, vocabulary));
  const source: EvidenceSource = { manifest, datasets: (accountId) => readAccountDatasets(request.runDir, accountId, vocabulary) };
  const applicable = new Set(
    request.checklist.requirements.filter((r) => applicabilityOf(r, request.deploymentModel, request.settings).applies).map((r) => r.id),
  );
  const now = evidenceTime(manifest);
  const findings = await evaluateRun(source, {
    checks: checksToRun(request.checks, request.settings),
    checklist: request.checklist,
    settings: request.settings,
    applicableRequirements: applicable,
    now,
    redact: (evidence) => redact(evidence, { secrets: request.secrets ?? [] }),
  });
  const results = buildResults({
    manifest,
    checklist: request.checklist,
    deploymentModel: request.deploymentModel,
    settings: request.settings,
    findings,
    attestations: request.statements.attestations.get(request.checklist.id) ?? new Map(),
    exceptions: request.statements.exceptions,
    ...(request.production ? { production: request.production } : {}),
    now,
  });
  if (request.selection) results.selection = request.selection;
  await writeFile(join(request.resultsDir ?? request.runDir, RESULTS_FILE), `${JSON.stringify(results, null, 2)}\n`);
  return { manifest, results };
}
