// Stage 2 of a scan: judge a run directory's snapshot and write results.json beside it.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttestationSet } from '../attest/types.js';
import { applicabilityOf, checksToRun } from '../catalog/applicability.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { CheckSettings } from '../contract/settings.js';
import type { AnyCheck } from '../contract/check.js';
import { evaluateRun, type EvidenceSource } from '../engine/evaluate.js';
import { buildResults } from '../engine/results.js';
import type { DeploymentModel, Results } from '../contract/results.js';
import { redact } from '../snapshot/redact.js';
import { RESULTS_FILE, type Manifest } from '../snapshot/manifest.js';
import { readAccountDatasets, readManifest } from '../snapshot/reader.js';

export interface EvaluateRequest {
  runDir: string;
  checks: AnyCheck[];
  checklist: Checklist;
  deploymentModel: DeploymentModel;
  settings: CheckSettings;
  attestations: AttestationSet;
  /** Exact secret values (the scan's credentials) that must never reach results. */
  secrets?: string[];
}

export interface Evaluated {
  manifest: Manifest;
  results: Results;
}

/** Evidence is judged as of the end of its collection, so a replay gives the same verdicts. */
function evidenceTime(manifest: Manifest): Date {
  return new Date(manifest.finishedAt ?? manifest.startedAt);
}

export async function evaluateRunDir(request: EvaluateRequest): Promise<Evaluated> {
  const manifest = await readManifest(request.runDir);
  const source: EvidenceSource = { manifest, datasets: (accountId) => readAccountDatasets(request.runDir, accountId) };
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
    attestations: request.attestations,
    now,
  });
  await writeFile(join(request.runDir, RESULTS_FILE), `${JSON.stringify(results, null, 2)}\n`);
  return { manifest, results };
}
