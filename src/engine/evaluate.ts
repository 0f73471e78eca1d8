// Evaluates checks against a snapshot, one account at a time, so memory holds one account's
// datasets (and the next one's, read ahead) plus those of the few other accounts checks asked for lately.

import type { DatasetRecord } from '../contract/record.js';
import type { CheckSettings } from '../contract/settings.js';
import type { Finding } from '../contract/results.js';
import { GLOBAL } from '../contract/status.js';
import type { JudgedManifest, JudgedAccount } from '../snapshot/manifest.js';
import type { AnyCheck, Outcome } from '../contract/check.js';
import { orderedChecks, requirementIdsOf } from '../catalog/coverage.js';
import type { Checklist } from '../contract/checklists/types.js';
import { AccountNotLoaded, CrossAccountIndex, DatasetIndex } from './datasets.js';
import { type Blocked, ENGINE_MESSAGES, isBlocked, resolveInputs, type Unit } from './inputs.js';

export interface EvidenceSource {
  manifest: JudgedManifest;
  datasets(accountId: string): AsyncIterable<DatasetRecord>;
}

export interface EvaluateOptions {
  checks: AnyCheck[];
  checklist: Checklist;
  settings: CheckSettings;
  /** Requirement IDs that apply to the deployment model; findings of checks mapped to none are advisory. */
  applicableRequirements: ReadonlySet<string>;
  now: Date;
  /** Cleans each finding (evidence, message, resource) before it enters results (secrets, tokens). */
  redact: (finding: Finding) => Finding;
}

/** Fills `{name}` placeholders; unknown names stay visible rather than vanish. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every finding of the run, in memory: for tests and small runs; a scan streams evaluateAccounts. */
export async function evaluateRun(source: EvidenceSource, options: EvaluateOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const batch of evaluateAccounts(source, options)) findings.push(...batch.findings);
  return findings;
}

export interface AccountFindings {
  account: JudgedAccount;
  findings: Finding[];
}

/** The findings of one account at a time, in manifest order; nothing of an account is kept after it (the next one's records are read ahead). */
export async function* evaluateAccounts(source: EvidenceSource, options: EvaluateOptions): AsyncGenerator<AccountFindings> {
  const checks = orderedChecks(options.checks, options.checklist);
  const accountIds = source.manifest.accounts.map((account) => account.accountId);
  const others = new CrossAccountIndex(
    checks.flatMap((check) => check.readsOtherAccounts ?? []),
    accountIds,
    (accountId) => source.datasets(accountId),
  );
  const organization = new DatasetIndex();
  const callerAccount = source.manifest.callerIdentity?.accountId;
  // Organization-scope datasets live under the caller's account, which need not be a scan target.
  if (callerAccount) {
    for await (const record of source.datasets(callerAccount)) if (record.region === GLOBAL) organization.add(record);
  }
  const accounts = source.manifest.accounts;
  // The next account's records are read while this one is judged: waiting on each file in turn
  // left the evaluation of a 1,000-account run idle for seconds.
  let next: Promise<DatasetRecord[]> | undefined;
  for (const [position, account] of accounts.entries()) {
    const records = await (next ?? recordsOf(source, account.accountId));
    const following = accounts[position + 1];
    next = following ? recordsOf(source, following.accountId) : undefined;
    const index = new DatasetIndex();
    for (const record of records) index.add(record);
    const findings: Finding[] = [];
    for (const check of checks) findings.push(...(await evaluateAccount(check, account, index, organization, others, options)));
    yield { account, findings };
  }
}

/** An account's records, read now; a read that fails is reported when its account's turn comes. */
function recordsOf(source: EvidenceSource, accountId: string): Promise<DatasetRecord[]> {
  const reading = (async () => {
    const records: DatasetRecord[] = [];
    for await (const record of source.datasets(accountId)) records.push(record);
    return records;
  })();
  // Not awaited yet (or never, when the caller stops early): no unhandled rejection meanwhile.
  reading.catch(() => undefined);
  return reading;
}

async function evaluateAccount(
  check: AnyCheck,
  account: JudgedAccount,
  index: DatasetIndex,
  organization: DatasetIndex,
  others: CrossAccountIndex,
  options: EvaluateOptions,
): Promise<Finding[]> {
  const make = findingFactory(check, account.accountId, options);
  if (account.status === 'ERROR' || account.status === 'PENDING') {
    const error = account.error ?? 'the scan did not reach this account';
    return [make.engine(GLOBAL, { status: 'ERROR', messageId: 'engine.accountUnreachable', params: { error } }, [])];
  }
  const regions = account.regions;
  const closed = new Set(account.skippedRegions.filter((s) => s.closedByScp).map((s) => s.region));
  const judged = (region: string) => !closed.has(region) || (check.judgedWhenClosed ?? []).includes(region);
  const evaluate = (unit: Unit) => evaluateWithOthers(others, () => evaluateUnit(check, unit, index, organization, others, options, make));
  if (check.scope === 'account') {
    return evaluate({ accountId: account.accountId, region: GLOBAL, regions: withAlways(regions, check).filter(judged), closed: false, closedRegions: [...closed] });
  }
  const findings: Finding[] = [];
  for (const region of regionsToEvaluate(check, account, index)) {
    if (!judged(region)) findings.push(make.engine(region, { status: 'NOT_APPLICABLE', messageId: 'engine.regionClosed', params: { region } }, []));
    else findings.push(...(await evaluate({ accountId: account.accountId, region, regions, closed: closed.has(region), closedRegions: [...closed] })));
  }
  return findings;
}

/** Evaluates again after loading the other accounts the check asked for, until it asked for none new. */
async function evaluateWithOthers(others: CrossAccountIndex, evaluate: () => Finding[]): Promise<Finding[]> {
  others.trim();
  for (;;) {
    const findings = evaluate();
    if (!(await others.loadMissed())) return findings;
  }
}

function withAlways(regions: string[], check: AnyCheck): string[] {
  const only = check.regions?.only;
  if (only) return only;
  return [...new Set([...regions, ...(check.regions?.always ?? [])])].sort();
}

/** The account's regions (plus `always` ones, or just `only` ones), and regions skipped after being tried. */
function regionsToEvaluate(check: AnyCheck, account: JudgedAccount, index: DatasetIndex): string[] {
  const tried = new Set(index.regions());
  const skippedButTried = account.skippedRegions.map((s) => s.region).filter((r) => tried.has(r));
  const base = withAlways([...account.regions, ...skippedButTried], check);
  return check.regions?.only ? check.regions.only : base;
}

function evaluateUnit(
  check: AnyCheck,
  unit: Unit,
  index: DatasetIndex,
  organization: DatasetIndex,
  others: CrossAccountIndex,
  options: EvaluateOptions,
  make: ReturnType<typeof findingFactory>,
): Finding[] {
  const inputs = resolveInputs(check, unit, index, organization);
  if (isBlocked(inputs)) return [make.engine(unit.region, inputs, [])];
  let outcomes: Outcome<string>[];
  try {
    outcomes = check.evaluate({
      accountId: unit.accountId,
      region: unit.region,
      regions: unit.regions,
      closedRegions: unit.closedRegions,
      now: options.now,
      settings: options.settings,
      data: inputs.data as never,
      optional: inputs.optional as never,
      org: others,
    });
  } catch (error) {
    if (error instanceof AccountNotLoaded) return [];
    const message = error instanceof Error ? error.message : String(error);
    return [make.engine(unit.region, { status: 'ERROR', messageId: 'engine.checkFailed', params: { error: message } }, inputs.requestIds)];
  }
  if (outcomes.length === 0) {
    return [make.engine(unit.region, { status: 'ERROR', messageId: 'engine.noOutcome', params: {} }, inputs.requestIds)];
  }
  return outcomes.map((outcome) => make.fromOutcome(unit.region, outcome, inputs.requestIds));
}

function findingFactory(check: AnyCheck, accountId: string, options: EvaluateOptions) {
  const requirementIds = requirementIdsOf(check, options.checklist);
  const advisory = !requirementIds.some((id) => options.applicableRequirements.has(id));
  const base = { checkId: check.id, requirementIds, accountId, severity: check.severity };
  return {
    fromOutcome(region: string, outcome: Outcome<string>, requestIds: string[]): Finding {
      const template = check.messages[outcome.messageId] ?? outcome.messageId;
      return options.redact({
        ...base,
        region: outcome.region ?? region,
        resource: outcome.resource,
        status: outcome.status,
        message: formatMessage(template, outcome.params),
        messageId: `${check.id}.${outcome.messageId}`,
        ...(advisory || outcome.advisory ? { advisory: true } : {}),
        evidence: outcome.evidence ?? {},
        requestIds: [...new Set(outcome.requestIds ?? requestIds)],
      });
    },
    engine(region: string, blocked: Blocked, requestIds: string[]): Finding {
      return options.redact({
        ...base,
        region,
        resource: accountId,
        status: blocked.status,
        message: formatMessage(ENGINE_MESSAGES[blocked.messageId], blocked.params),
        messageId: blocked.messageId,
        ...(advisory ? { advisory: true } : {}),
        evidence: { ...blocked.params },
        requestIds: [...new Set(requestIds)],
      });
    },
  };
}
