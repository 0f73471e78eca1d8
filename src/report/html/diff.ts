// What changed since a baseline run, by requirement × account, for both reports.

import type { RequirementStatus } from '../../contract/status.js';
import type { ResultsHead } from '../../contract/results.js';
import { PARTNER, rowSubject } from '../findings.js';

/** Statuses that count as "fixed" when a requirement failed before. */
const RESOLVED: ReadonlySet<RequirementStatus> = new Set(['PASS', 'ATTESTED', 'NOT_APPLICABLE']);

export interface BaselineDiff {
  baseline: { startedAt: string; checklist: { id: string; version: string } };
  /** Requirement → accounts (present in both runs), or `partner`, where it fails now but did not before. */
  newlyFailing: Map<string, string[]>;
  /** Requirement → accounts where it failed before and is now met, attested or not applicable. */
  fixed: Map<string, string[]>;
  /** Other status changes on accounts present in both runs (e.g. PASS → ERROR). */
  otherChanges: { requirementId: string; accountId: string; from: RequirementStatus | 'none'; to: RequirementStatus | 'none' }[];
  newAccounts: string[];
  goneAccounts: string[];
}

export function diffAgainstBaseline(current: ResultsHead, baseline: ResultsHead): BaselineDiff {
  const now = statusMap(current);
  const before = statusMap(baseline);
  const currentAccounts = new Set(current.accounts.map((a) => a.accountId));
  const baselineAccounts = new Set(baseline.accounts.map((a) => a.accountId));
  const diff: BaselineDiff = {
    baseline: { startedAt: baseline.startedAt, checklist: baseline.checklist },
    newlyFailing: new Map(),
    fixed: new Map(),
    otherChanges: [],
    newAccounts: [...currentAccounts].filter((id) => !baselineAccounts.has(id)),
    goneAccounts: [...baselineAccounts].filter((id) => !currentAccounts.has(id)),
  };
  for (const key of new Set([...now.keys(), ...before.keys()])) {
    const [requirementId, accountId] = splitKey(key);
    const inBoth = accountId === PARTNER || (currentAccounts.has(accountId) && baselineAccounts.has(accountId));
    if (!inBoth) continue;
    classify(diff, requirementId, accountId, before.get(key), now.get(key));
  }
  return diff;
}

function classify(diff: BaselineDiff, requirementId: string, accountId: string, from?: RequirementStatus, to?: RequirementStatus): void {
  if (from === to) return;
  if (to === 'FAIL') return append(diff.newlyFailing, requirementId, accountId);
  if (from === 'FAIL' && to !== undefined && RESOLVED.has(to)) return append(diff.fixed, requirementId, accountId);
  diff.otherChanges.push({ requirementId, accountId, from: from ?? 'none', to: to ?? 'none' });
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

const SEPARATOR = '\u0000';

function statusMap(results: ResultsHead): Map<string, RequirementStatus> {
  return new Map(results.requirements.map((r) => [`${r.requirementId}${SEPARATOR}${rowSubject(r)}`, r.status]));
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at), key.slice(at + 1)];
}
