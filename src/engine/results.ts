// Turns findings into the results file: accounts from the manifest, one roll-up per account and
// requirement of the selected checklist.

import type { Checklist } from '../contract/checklists/types.js';
import type { DeploymentModel, Finding, Results } from '../contract/results.js';
import type { Manifest } from '../snapshot/manifest.js';
import type { AttestationSet } from '../attest/types.js';
import type { CheckSettings } from '../contract/settings.js';
import { EXIT } from '../errors.js';
import { rollupRequirement } from './rollup.js';

export interface BuildResultsInput {
  manifest: Manifest;
  checklist: Checklist;
  deploymentModel: DeploymentModel;
  settings: CheckSettings;
  findings: Finding[];
  attestations: AttestationSet;
  now: Date;
}

export function buildResults(input: BuildResultsInput): Results {
  const { manifest, checklist, findings } = input;
  const byAccountAndRequirement = groupFindings(findings);
  const requirements = manifest.accounts.flatMap((account) =>
    checklist.requirements.map((requirement) =>
      rollupRequirement({
        requirement,
        accountId: account.accountId,
        findings: byAccountAndRequirement.get(`${account.accountId}/${requirement.id}`) ?? [],
        attestation: input.attestations.get(requirement.id),
        deploymentModel: input.deploymentModel,
        settings: input.settings,
        now: input.now,
      }),
    ),
  );
  return {
    schemaVersion: 1,
    tool: manifest.tool,
    startedAt: manifest.startedAt,
    finishedAt: manifest.finishedAt ?? manifest.startedAt,
    checklist: { id: checklist.id, version: checklist.version },
    deploymentModel: input.deploymentModel,
    ...(manifest.callerIdentity ? { callerIdentity: manifest.callerIdentity } : {}),
    accounts: manifest.accounts.map((account) => ({
      accountId: account.accountId,
      ...(account.name ? { name: account.name } : {}),
      status: account.status === 'PENDING' ? 'ERROR' : account.status,
      ...(account.error || account.status === 'PENDING'
        ? { error: account.error ?? 'the scan did not finish this account' }
        : {}),
      regions: account.regions,
      skippedRegions: account.skippedRegions,
    })),
    findings,
    requirements,
  };
}

function groupFindings(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const requirementId of finding.requirementIds) {
      const key = `${finding.accountId}/${requirementId}`;
      const list = groups.get(key) ?? [];
      list.push(finding);
      groups.set(key, list);
    }
  }
  return groups;
}

/** 3 when a requirement FAILs, else 4 when one is in ERROR (the scan is incomplete), else 0. */
export function exitCodeFor(results: Results): number {
  const statuses = new Set(results.requirements.map((r) => r.status));
  if (statuses.has('FAIL')) return EXIT.requirementFailed;
  if (statuses.has('ERROR') || results.accounts.some((a) => a.status === 'ERROR')) return EXIT.incomplete;
  return EXIT.ok;
}
