// Stage 2 of a scan: judge a run directory's snapshot and write results.json beside it.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttestationSet } from '../attest/types.js';
import type { Checklist } from '../contract/checklists/types.js';
import { organizationMembership } from '../datasets/organizations/datasets.js';
import type { OrganizationMembershipEvidence } from '../datasets/organizations/datasets.js';
import type { CheckSettings } from '../contract/settings.js';
import type { AnyCheck } from '../contract/check.js';
import type { ChecklistId } from '../contract/checklists/index.js';
import { evaluateRun, type EvidenceSource } from '../engine/evaluate.js';
import { buildResults } from '../engine/results.js';
import { GLOBAL } from '../contract/status.js';
import type { DeploymentModel, Results } from '../contract/results.js';
import { redact } from '../report/redact.js';
import { MANIFEST_FILE, RESULTS_FILE, type Manifest } from '../snapshot/manifest.js';
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
  const manifest = await withOrganization(request.runDir, await readManifest(request.runDir));
  const source: EvidenceSource = { manifest, datasets: (accountId) => readAccountDatasets(request.runDir, accountId) };
  const applicable = new Set(
    request.checklist.requirements.filter((r) => r.appliesTo.includes(request.deploymentModel)).map((r) => r.id),
  );
  const now = evidenceTime(manifest);
  const findings = await evaluateRun(source, {
    checks: request.checks,
    checklistId: request.checklist.id as ChecklistId,
    settings: request.settings,
    applicableRequirements: applicable,
    now,
    redact: (evidence) => redact(evidence, { secrets: request.secrets ?? [] }),
  });
  const results = buildResults({
    manifest,
    checklist: request.checklist,
    deploymentModel: request.deploymentModel,
    findings,
    attestations: request.attestations,
    now,
  });
  await writeFile(join(request.runDir, RESULTS_FILE), `${JSON.stringify(results, null, 2)}\n`);
  return { manifest, results };
}

/** Names the caller's organization in the manifest (for report headers) from its own evidence. */
async function withOrganization(runDir: string, manifest: Manifest): Promise<Manifest> {
  const caller = manifest.callerIdentity?.accountId;
  if (manifest.organization || !caller) return manifest;
  for await (const record of readAccountDatasets(runDir, caller)) {
    if (record.collector !== organizationMembership.id || record.region !== GLOBAL || !record.ok) continue;
    const membership = record.data as OrganizationMembershipEvidence;
    if (!membership.organizationId || !membership.managementAccountId) return manifest;
    const updated = { ...manifest, organization: { id: membership.organizationId, managementAccountId: membership.managementAccountId } };
    await writeFile(join(runDir, MANIFEST_FILE), `${JSON.stringify(updated, null, 2)}\n`);
    return updated;
  }
  return manifest;
}
