// Drift between two runs: what newly fails, what was fixed, what appeared or went away, and which
// attestations lapse. Pure: both runs and the clock come in as arguments.

import { daysLeft, EXPIRY_WARNING_DAYS } from '../attest/expiry.js';
import { UsageError } from '../errors.js';
import type { AccountStatus, FindingStatus, RequirementStatus } from '../contract/status.js';
import type { Finding, RequirementResult, Results } from '../contract/results.js';

/** After a FAIL, these mean the requirement is met again; ERROR or MANUAL only mean "unknown". */
const FIXED_STATUSES: ReadonlySet<RequirementStatus> = new Set(['PASS', 'WARN', 'ATTESTED', 'NOT_APPLICABLE']);

export type RequirementChangeKind = 'regression' | 'fixed' | 'changed';

export interface RequirementChange {
  kind: RequirementChangeKind;
  /** Absent for a partner-level requirement. */
  accountId?: string;
  requirementId: string;
  /** Absent when the account or requirement was not in the old run. */
  before?: RequirementStatus;
  /** Absent when the requirement is no longer evaluated for the account. */
  after?: RequirementStatus;
}

export interface AccountRef {
  accountId: string;
  name?: string;
  status: AccountStatus;
}

export interface AccountStatusChange {
  accountId: string;
  before: AccountStatus;
  after: AccountStatus;
}

export interface FindingRef {
  checkId: string;
  accountId: string;
  region: string;
  resource: string;
  status: FindingStatus;
  requirementIds: string[];
}

export interface AttestationAlert {
  /** Absent for a partner-level requirement. */
  accountId?: string;
  requirementId: string;
  owner: string;
  expires: string;
  /** Negative or zero once expired. */
  daysLeft: number;
}

export interface ExceptionAlert {
  checkId: string;
  resource: string;
  owner: string;
  expires: string;
  daysLeft: number;
}

export interface RunDiff {
  checklist: { id: string; version: string };
  from: { startedAt: string; finishedAt: string };
  to: { startedAt: string; finishedAt: string };
  requirements: { regressions: RequirementChange[]; fixed: RequirementChange[]; changed: RequirementChange[] };
  accounts: { new: AccountRef[]; gone: AccountRef[]; statusChanged: AccountStatusChange[] };
  /** Findings of accounts present in both runs, keyed by check, account, region and resource. */
  findings: { new: FindingRef[]; gone: FindingRef[]; newlyFailing: FindingRef[]; fixed: FindingRef[] };
  attestations: { expired: AttestationAlert[]; expiring: AttestationAlert[] };
  exceptions: { expired: ExceptionAlert[]; expiring: ExceptionAlert[] };
  /** Requirement rows of the new run in FAIL and ERROR, for `--fail-on fail|error`. */
  current: { failing: number; erroring: number };
}

export function diffRuns(oldResults: Results, newResults: Results, now: Date): RunDiff {
  if (oldResults.checklist.id !== newResults.checklist.id) {
    throw new UsageError(
      `cannot compare runs of different checklists (${oldResults.checklist.id} and ${newResults.checklist.id})`,
    );
  }
  const oldAccounts = new Map(oldResults.accounts.map((a) => [a.accountId, a]));
  const newAccounts = new Map(newResults.accounts.map((a) => [a.accountId, a]));
  const shared = new Set([...newAccounts.keys()].filter((id) => oldAccounts.has(id)));
  return {
    checklist: newResults.checklist,
    from: { startedAt: oldResults.startedAt, finishedAt: oldResults.finishedAt },
    to: { startedAt: newResults.startedAt, finishedAt: newResults.finishedAt },
    requirements: diffRequirements(oldResults, newResults, shared),
    accounts: {
      new: [...newAccounts.values()].filter((a) => !oldAccounts.has(a.accountId)).map(accountRef).sort(byAccount),
      gone: [...oldAccounts.values()].filter((a) => !newAccounts.has(a.accountId)).map(accountRef).sort(byAccount),
      statusChanged: [...shared]
        .sort()
        .map((id) => ({ accountId: id, before: oldAccounts.get(id)!.status, after: newAccounts.get(id)!.status }))
        .filter((change) => change.before !== change.after),
    },
    findings: diffFindings(oldResults.findings, newResults.findings, shared),
    attestations: attestationAlerts(newResults, now),
    exceptions: exceptionAlerts(newResults, now),
    current: {
      failing: newResults.requirements.filter((r) => r.status === 'FAIL').length,
      erroring: newResults.requirements.filter((r) => r.status === 'ERROR').length,
    },
  };
}

function diffRequirements(oldResults: Results, newResults: Results, shared: Set<string>): RunDiff['requirements'] {
  // Partner rows have no account; they are compared like rows of an account present in both runs.
  const inBoth = (accountId: string | undefined): boolean => accountId === undefined || shared.has(accountId);
  const key = (r: RequirementResult): string => `${r.accountId ?? ''}\u0000${r.requirementId}`;
  const before = new Map(oldResults.requirements.map((r) => [key(r), r.status]));
  const after = new Map(newResults.requirements.map((r) => [key(r), r.status]));
  const rows = [...newResults.requirements, ...oldResults.requirements.filter((r) => inBoth(r.accountId))];
  const changes = new Map<string, RequirementChange>();
  for (const row of rows) {
    const k = key(row);
    const kind = classify(before.get(k), after.get(k), inBoth(row.accountId));
    const { accountId, requirementId } = row;
    if (kind) changes.set(k, { kind, ...(accountId && { accountId }), requirementId, before: before.get(k), after: after.get(k) });
  }
  const sorted = [...changes.values()].sort(
    (a, b) => byAccount(a, b) || a.requirementId.localeCompare(b.requirementId, 'en', { numeric: true }),
  );
  return {
    regressions: sorted.filter((c) => c.kind === 'regression'),
    fixed: sorted.filter((c) => c.kind === 'fixed'),
    changed: sorted.filter((c) => c.kind === 'changed'),
  };
}

/**
 * A FAIL that was not a FAIL before is a regression, in a new account too (it must be heard of).
 * Other changes are reported only for accounts present in both runs; new accounts are listed as such.
 */
export function classify(
  before: RequirementStatus | undefined,
  after: RequirementStatus | undefined,
  accountInBoth: boolean,
): RequirementChangeKind | undefined {
  if (before === after) return undefined;
  if (after === 'FAIL') return 'regression';
  if (!accountInBoth) return undefined;
  if (before === 'FAIL' && after && FIXED_STATUSES.has(after)) return 'fixed';
  return 'changed';
}

function diffFindings(oldFindings: Finding[], newFindings: Finding[], shared: Set<string>): RunDiff['findings'] {
  const before = worstByResource(oldFindings.filter((f) => shared.has(f.accountId)));
  const after = worstByResource(newFindings.filter((f) => shared.has(f.accountId)));
  const pick = (from: Map<string, FindingRef>, keep: (k: string, ref: FindingRef) => boolean): FindingRef[] =>
    [...from].filter(([k, ref]) => keep(k, ref)).map(([, ref]) => ref).sort(byFinding);
  return {
    new: pick(after, (k) => !before.has(k)),
    gone: pick(before, (k) => !after.has(k)),
    newlyFailing: pick(after, (k, ref) => ref.status === 'FAIL' && before.has(k) && before.get(k)!.status !== 'FAIL'),
    fixed: pick(after, (k, ref) => ref.status !== 'FAIL' && ref.status !== 'ERROR' && before.get(k)?.status === 'FAIL'),
  };
}

const FINDING_RANK: Record<FindingStatus, number> = { FAIL: 4, ERROR: 3, WARN: 2, PASS: 1, NOT_APPLICABLE: 0 };

/** One entry per check+account+region+resource, holding its worst status. */
function worstByResource(findings: Finding[]): Map<string, FindingRef> {
  const refs = new Map<string, FindingRef>();
  for (const f of findings) {
    const k = [f.checkId, f.accountId, f.region, f.resource].join('\u0000');
    const seen = refs.get(k);
    if (seen && FINDING_RANK[seen.status] >= FINDING_RANK[f.status]) continue;
    const { checkId, accountId, region, resource, status, requirementIds } = f;
    refs.set(k, { checkId, accountId, region, resource, status, requirementIds: [...requirementIds] });
  }
  return refs;
}

function attestationAlerts(results: Results, now: Date): RunDiff['attestations'] {
  const alerts: AttestationAlert[] = [];
  for (const { accountId, requirementId, attestation } of results.requirements) {
    if (!attestation?.expires) continue;
    alerts.push({ ...(accountId && { accountId }), requirementId, owner: attestation.owner, expires: attestation.expires, daysLeft: daysLeft(attestation.expires, now) });
  }
  const order = (a: AttestationAlert, b: AttestationAlert): number =>
    a.daysLeft - b.daysLeft || byAccount(a, b) || a.requirementId.localeCompare(b.requirementId);
  return byExpiry(alerts, order);
}

function exceptionAlerts(results: Results, now: Date): RunDiff['exceptions'] {
  const alerts = results.exceptions.map(({ checkId, resource, owner, expires }) => ({ checkId, resource, owner, expires, daysLeft: daysLeft(expires, now) }));
  const order = (a: ExceptionAlert, b: ExceptionAlert): number => a.daysLeft - b.daysLeft || a.checkId.localeCompare(b.checkId) || a.resource.localeCompare(b.resource);
  return byExpiry(alerts, order);
}

function byExpiry<T extends { daysLeft: number }>(alerts: T[], order: (a: T, b: T) => number): { expired: T[]; expiring: T[] } {
  return {
    expired: alerts.filter((a) => a.daysLeft <= 0).sort(order),
    expiring: alerts.filter((a) => a.daysLeft > 0 && a.daysLeft <= EXPIRY_WARNING_DAYS).sort(order),
  };
}

function accountRef(account: { accountId: string; name?: string; status: AccountStatus }): AccountRef {
  return { accountId: account.accountId, ...(account.name ? { name: account.name } : {}), status: account.status };
}

/** Partner rows (no account) sort first. */
function byAccount(a: { accountId?: string }, b: { accountId?: string }): number {
  const x = a.accountId ?? '';
  const y = b.accountId ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function byFinding(a: FindingRef, b: FindingRef): number {
  return (
    byAccount(a, b) ||
    a.checkId.localeCompare(b.checkId) ||
    a.region.localeCompare(b.region) ||
    a.resource.localeCompare(b.resource)
  );
}

export const FAIL_ON = ['regression', 'fail', 'error'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * `regression`: something newly FAILs. `fail`: anything FAILs in the new run.
 * `error`: anything FAILs or is ERROR in the new run (the strictest).
 */
export function meetsFailOn(diff: RunDiff, failOn: FailOn): boolean {
  if (failOn === 'regression') return diff.requirements.regressions.length > 0;
  if (failOn === 'fail') return diff.current.failing > 0;
  return diff.current.failing + diff.current.erroring > 0;
}
