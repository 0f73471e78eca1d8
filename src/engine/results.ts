// Turns findings into the results file: accounts from the manifest, accepted exceptions attached
// to their findings, one roll-up per account for account-scope requirements and one for the
// partner for partner-scope ones.

import { coversAccount, type ScopedAccount } from '../attest/scope.js';
import type { Attestation, AttestationSet, FindingException } from '../attest/types.js';
import type { Checklist, Requirement } from '../contract/checklists/types.js';
import { RESULTS_SCHEMA_VERSION, type AttestationRef, type DeploymentModel, type ExceptionSummary, type ProductionScope, type Finding, type RequirementResult, type Results, type ResultsHead } from '../contract/results.js';
import type { CheckSettings } from '../contract/settings.js';
import type { JudgedManifest, JudgedAccount } from '../snapshot/manifest.js';
import { EXIT } from '../errors.js';
import { ExceptionMatcher } from './exceptions.js';
import { groupBy } from './group.js';
import { describeScope, isProductionAccount, markOutsideProduction } from './production.js';
import { PartnerTally, rollupAccountRequirement } from './rollup.js';

export interface BuildResultsInput {
  manifest: JudgedManifest;
  checklist: Checklist;
  deploymentModel: DeploymentModel;
  /** Requirements that apply only in a configured setup (onlyWhen) are judged against these. */
  settings: CheckSettings;
  findings: Finding[];
  attestations: AttestationSet;
  exceptions: readonly FindingException[];
  /** Config `production:`; without it every account and region is production. */
  production?: ProductionScope;
  now: Date;
}

export function buildResults(input: BuildResultsInput): Results {
  const judge = new ResultsJudge(input);
  judge.mark(input.findings);
  const grouped = groupBy(input.findings, (f) => [f.accountId]);
  const accountRows = input.manifest.accounts.flatMap((account) => judge.accountRows(account, grouped.get(account.accountId) ?? []));
  return { ...judge.head(), findings: input.findings, requirements: [...judge.partnerRows(), ...accountRows], exceptions: judge.exceptionSummaries() };
}

export type JudgeInput = Omit<BuildResultsInput, 'findings'>;

/**
 * Judges a run's findings as they come, one account at a time, keeping only counters: the
 * production marks and accepted exceptions are applied to each batch, an account's rows are
 * rolled up from its own findings, and partner rows from a tally per partner-level requirement.
 * buildResults (everything in memory) and the streamed evaluation share it, so both judge alike.
 */
export class ResultsJudge {
  private readonly accounts: Map<string, JudgedAccount>;
  private readonly exceptions: ExceptionMatcher;
  private readonly partner: PartnerTallies;

  constructor(private readonly input: JudgeInput) {
    this.accounts = new Map(input.manifest.accounts.map((a) => [a.accountId, a]));
    this.exceptions = new ExceptionMatcher(input.exceptions, this.accounts, input.now);
    this.partner = new PartnerTallies(input.checklist);
  }

  /** Everything in the results but the findings and the requirement rows. */
  head(): Omit<Results, 'findings' | 'requirements' | 'exceptions'> {
    const { manifest, checklist, deploymentModel, production } = this.input;
    return {
      schemaVersion: RESULTS_SCHEMA_VERSION,
      tool: manifest.tool,
      startedAt: manifest.startedAt,
      finishedAt: manifest.finishedAt ?? manifest.startedAt,
      checklist: { id: checklist.id, version: checklist.version },
      deploymentModel,
      ...(production ? { production } : {}),
      ...(manifest.callerIdentity ? { callerIdentity: manifest.callerIdentity } : {}),
      accounts: manifest.accounts.map(accountResult),
    };
  }

  /** Marks findings outside production as advisory and attaches accepted exceptions, in place. */
  mark(findings: Finding[]): void {
    markOutsideProduction(findings, this.input.production, this.accounts);
    this.exceptions.apply(findings);
  }

  /** The account's rows for account-level requirements, from all its (marked) findings; each account once. */
  accountRows(account: JudgedAccount, findings: readonly Finding[]): RequirementResult[] {
    const byRequirement = groupBy(findings, (f) => f.requirementIds);
    this.partner.addAccount(account.accountId, byRequirement);
    return this.input.checklist.requirements
      .filter((r) => r.scope === 'account')
      .map((r) => accountRow(r, account, byRequirement.get(r.id) ?? [], this.input));
  }

  partnerRows(): RequirementResult[] {
    return this.input.checklist.requirements.flatMap((requirement) => {
      if (requirement.scope !== 'partner') return [];
      const attestation = this.input.attestations.get(requirement.id)?.[0];
      const { deploymentModel, settings, now } = this.input;
      return [this.partner.tallyOf(requirement.id).rollup({ requirement, ...(attestation && { attestation }), deploymentModel, settings, now })];
    });
  }

  exceptionSummaries(): ExceptionSummary[] {
    return this.exceptions.summaries();
  }
}

function accountRow(requirement: Requirement, account: JudgedAccount, findings: readonly Finding[], input: JudgeInput): RequirementResult {
  if (!isProductionAccount(input.production, account)) return outsideProduction(requirement, account, findings, input.production!);
  const attestation = statementFor(input.attestations.get(requirement.id), account);
  return rollupAccountRequirement({
    requirement,
    accountId: account.accountId,
    findings,
    ...(attestation && { attestation }),
    deploymentModel: input.deploymentModel,
    settings: input.settings,
    now: input.now,
  });
}

/**
 * One tally per partner-level requirement, fed one account's findings at a time: by the judge as
 * it goes, and by the merge of shards as their findings stream past. Counters, never findings.
 */
export class PartnerTallies {
  private readonly tallies: Map<string, PartnerTally>;

  constructor(checklist: Checklist) {
    this.tallies = new Map(checklist.requirements.filter((r) => r.scope === 'partner').map((r) => [r.id, new PartnerTally()]));
  }

  /** One account's findings, all of them at once, by requirement ID; each account once. */
  addAccount(accountId: string, byRequirement: ReadonlyMap<string, readonly Finding[]>): void {
    for (const [id, tally] of this.tallies) tally.addAccount(accountId, byRequirement.get(id) ?? []);
  }

  tallyOf(requirementId: string): PartnerTally {
    return this.tallies.get(requirementId) ?? new PartnerTally();
  }
}

/**
 * Partner rows of runs that each saw part of the accounts (shards), judged again over all their
 * findings (tallied in `tallies`) with the attestation the runs recorded.
 */
export function partnerRowsAcross(runs: readonly ResultsHead[], checklist: Checklist, now: Date, tallies: PartnerTallies): RequirementResult[] {
  const attested = runs.flatMap((r) => r.requirements).filter((row) => row.scope === 'partner' && row.attestation);
  const recorded = new Map(attested.map((row) => [row.requirementId, row]));
  const shardRows = new Map(runs[0]!.requirements.filter((row) => row.scope === 'partner').map((row) => [row.requirementId, row]));
  return checklist.requirements
    .filter((r) => r.scope === 'partner')
    .map((requirement) => {
      // The shards share one config: a setup it leaves out (onlyWhen) stays as they recorded it.
      const shardRow = shardRows.get(requirement.id);
      if (requirement.onlyWhen && shardRow?.status === 'NOT_APPLICABLE') return shardRow;
      const ref = recorded.get(requirement.id)?.attestation;
      return tallies.tallyOf(requirement.id).rollup({
        requirement,
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
function outsideProduction(requirement: Requirement, account: JudgedAccount, findings: readonly Finding[], scope: ProductionScope): RequirementResult {
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

function accountResult(account: JudgedAccount): Results['accounts'][number] {
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

/** What an exit code is decided on: the rows and the accounts, never the findings. */
type Judged = Pick<Results, 'requirements' | 'accounts'>;

/** One scan judged several checklists: a FAIL in any wins, then an incomplete one. */
export function exitCodeForAll(all: readonly Judged[]): number {
  const codes = all.map(exitCodeFor);
  return [EXIT.requirementFailed, EXIT.incomplete].find((code) => codes.includes(code)) ?? EXIT.ok;
}

/** 3 when a requirement FAILs, else 4 when one is in ERROR (the scan is incomplete), else 0. */
export function exitCodeFor(results: Judged): number {
  const statuses = new Set(results.requirements.map((r) => r.status));
  if (statuses.has('FAIL')) return EXIT.requirementFailed;
  if (statuses.has('ERROR') || results.accounts.some((a) => a.status === 'ERROR')) return EXIT.incomplete;
  return EXIT.ok;
}
