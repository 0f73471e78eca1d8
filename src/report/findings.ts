// Shared views of the findings: a stable id per finding and indexes the reporters look things up in.

import type { Finding, RequirementResult } from '../contract/results.js';
import type { CheckSummary } from './types.js';
import { groupBy } from '../engine/group.js';

export { groupBy };

/** Stable across runs of the same scan scope, so integrations can match a finding to its previous self. */
export function findingId(finding: Finding): string {
  return `${finding.checkId}/${finding.accountId}/${finding.region}/${finding.resource}`;
}

/** Where an auditor finds the raw API data behind a finding (relative to the run directory). */
export function datasetFile(accountId: string): string {
  return `datasets/${accountId}.jsonl`;
}

/** A requirement row's key: `<requirementId>/<accountId>`, or `<requirementId>/partner` for partner rows. */
export function rowKey(requirementId: string, accountId: string | undefined): string {
  return `${requirementId}/${accountId ?? PARTNER}`;
}

/** What a requirement row is about, in words: its account ID, or the partner. */
export const PARTNER = 'partner';

export function rowSubject(row: { accountId?: string }): string {
  return row.accountId ?? PARTNER;
}

/** Requirement results keyed by rowKey. */
export function requirementResultIndex(results: RequirementResult[]): Map<string, RequirementResult> {
  return new Map(results.map((r) => [rowKey(r.requirementId, r.accountId), r]));
}

export function checkIndex(checks: CheckSummary[]): Map<string, CheckSummary> {
  return new Map(checks.map((c) => [c.id, c]));
}

/** The partition of a region, for ARNs; `global` findings are placed in the commercial partition. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The first `limit` items that pass `test`, and how many passed in all: a list that does not grow with the run. */
export class FirstMatches<T> {
  readonly shown: T[] = [];
  total = 0;

  constructor(
    private readonly limit: number,
    private readonly test: (item: T) => boolean,
  ) {}

  offer(item: T): void {
    if (!this.test(item)) return;
    this.total += 1;
    if (this.shown.length < this.limit) this.shown.push(item);
  }
}
