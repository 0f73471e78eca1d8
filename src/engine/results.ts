// Turns findings into the results file: accounts from the manifest, accepted exceptions attached
// to their findings, one roll-up per account for account-scope requirements and one for the
// partner for partner-scope ones.

import { coversAccount, type ScopedAccount } from '../attest/scope.js';
import type { Attestation, AttestationSet, FindingException } from '../attest/types.js';
import type { Checklist, Requirement } from '../contract/checklists/types.js';
import { RESULTS_SCHEMA_VERSION, type AttestationRef, type DeploymentModel, type ProductionScope, type Finding, type RequirementResult, type Results } from '../contract/results.js';
import type { Manifest, ManifestAccount } from '../snapshot/manifest.js';
import { EXIT } from '../errors.js';
import { applyExceptions } from './exceptions.js';
import { describeScope, isProductionAccount, markOutsideProduction } from './production.js';
import { rollupAccountRequirement, rollupPartnerRequirement } from './rollup.js';

export interface BuildResultsInput {
  manifest: Manifest;
  checklist: Checklist;
  deploymentModel: DeploymentModel;
  findings: Finding[];
  attestations: AttestationSet;
  exceptions: readonly FindingException[];
  /** Config `production:`; without it every account and region is production. */
  production?: ProductionScope;
  now: Date;
}

export function buildResults(input: BuildResultsInput): Results {
  const { manifest, checklist, findings } = input;
  const accounts = new Map(manifest.accounts.map((a) => [a.accountId, a]));
  markOutsideProduction(findings, input.production, accounts);
  const exceptions = applyExceptions(findings, input.exceptions, accounts, input.now);
  const grouped = groupFindings(findings);
  const accountScope = checklist.requirements.filter((r) => r.scope === 'account');
  const requirements = [
    ...checklist.requirements.filter((r) => r.scope === 'partner').map((r) => partnerRow(r, grouped, input)),
    ...manifest.accounts.flatMap((account) => accountScope.map((r) => accountRow(r, account, grouped, input))),
  ];
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: manifest.tool,
    startedAt: manifest.startedAt,
    finishedAt: manifest.finishedAt ?? manifest.startedAt,
    checklist: { id: checklist.id, version: checklist.version },
    deploymentModel: input.deploymentModel,
    ...(input.production ? { production: input.production } : {}),
    ...(manifest.callerIdentity ? { callerIdentity: manifest.callerIdentity } : {}),
    accounts: manifest.accounts.map(accountResult),
    findings,
    requirements,
    exceptions,
  };
}

function accountRow(requirement: Requirement, account: ManifestAccount, grouped: Map<string, Finding[]>, input: BuildResultsInput): RequirementResult {
  if (!isProductionAccount(input.production, account)) return outsideProduction(requirement, account, grouped, input.production!);
  const attestation = statementFor(input.attestations.get(requirement.id), account);
  return rollupAccountRequirement({
    requirement,
    accountId: account.accountId,
    findings: grouped.get(`${account.accountId}/${requirement.id}`) ?? [],
    ...(attestation && { attestation }),
    deploymentModel: input.deploymentModel,
    now: input.now,
  });
}

function partnerRow(requirement: Requirement, grouped: Map<string, Finding[]>, input: BuildResultsInput): RequirementResult {
  const attestation = input.attestations.get(requirement.id)?.[0];
  return rollupPartnerRequirement({
    requirement,
    findings: input.manifest.accounts.flatMap((a) => grouped.get(`${a.accountId}/${requirement.id}`) ?? []),
    ...(attestation && { attestation }),
    deploymentModel: input.deploymentModel,
    now: input.now,
  });
}

/**
 * Partner rows of runs that each saw part of the accounts (shards), judged again over all their
 * findings with the attestation the runs recorded.
 */
export function partnerRowsAcross(runs: readonly Results[], checklist: Checklist, now: Date): RequirementResult[] {
  const findings = runs.flatMap((r) => r.findings);
  const attested = runs.flatMap((r) => r.requirements).filter((row) => row.scope === 'partner' && row.attestation);
  const recorded = new Map(attested.map((row) => [row.requirementId, row]));
  return checklist.requirements
    .filter((r) => r.scope === 'partner')
    .map((requirement) => {
      const ref = recorded.get(requirement.id)?.attestation;
      return rollupPartnerRequirement({
        requirement,
        findings: findings.filter((f) => f.requirementIds.includes(requirement.id)),
        ...(ref && { attestation: fromRef(ref) }),
        deploymentModel: runs[0]!.deploymentModel,
        now,
      });
    });
}

function fromRef({ status, evidence, owner, date, expires, notes }: AttestationRef): Attestation {
  return { status, evidence, owner, date, ...(expires && { expires }), ...(notes !== undefined && { notes }) };
}

/** A non-production account's row: its findings are kept (advisory), the requirement is not judged there. */
function outsideProduction(requirement: Requirement, account: ManifestAccount, grouped: Map<string, Finding[]>, scope: ProductionScope): RequirementResult {
  const findings = grouped.get(`${account.accountId}/${requirement.id}`) ?? [];
  return {
    requirementId: requirement.id,
    scope: 'account',
    accountId: account.accountId,
    status: 'NOT_APPLICABLE',
    checkIds: [...new Set(findings.map((f) => f.checkId))].sort(),
    reason: `not a production account (production scope: ${describeScope(scope)}); its findings are advisory`,
  };
}

/** A statement limited to the account wins over one that covers every account. */
function statementFor(statements: readonly Attestation[] | undefined, account: ScopedAccount): Attestation | undefined {
  const scoped = statements?.find((s) => s.accounts && coversAccount(s.accounts, account));
  return scoped ?? statements?.find((s) => !s.accounts);
}

function accountResult(account: ManifestAccount): Results['accounts'][number] {
  return {
    accountId: account.accountId,
    ...(account.name ? { name: account.name } : {}),
    ...(account.tags ? { tags: account.tags } : {}),
    status: account.status === 'PENDING' ? 'ERROR' : account.status,
    ...(account.error || account.status === 'PENDING' ? { error: account.error ?? 'the scan did not finish this account' } : {}),
    regions: account.regions,
    skippedRegions: account.skippedRegions,
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
/** One scan judged several checklists: a FAIL in any wins, then an incomplete one. */
export function exitCodeForAll(all: readonly Results[]): number {
  const codes = all.map(exitCodeFor);
  return [EXIT.requirementFailed, EXIT.incomplete].find((code) => codes.includes(code)) ?? EXIT.ok;
}

export function exitCodeFor(results: Results): number {
  const statuses = new Set(results.requirements.map((r) => r.status));
  if (statuses.has('FAIL')) return EXIT.requirementFailed;
  if (statuses.has('ERROR') || results.accounts.some((a) => a.status === 'ERROR')) return EXIT.incomplete;
  return EXIT.ok;
}
