// Shared views of the findings: a stable id per finding and indexes the reporters look things up in.

import type { Finding, RequirementResult } from '../contract/results.js';
import type { CheckSummary } from './types.js';

/** Stable across runs of the same scan scope, so integrations can match a finding to its previous self. */
export function findingId(finding: Finding): string {
  return `${finding.checkId}/${finding.accountId}/${finding.region}/${finding.resource}`;
}

/** Where an auditor finds the raw API data behind a finding (relative to the run directory). */
export function datasetFile(accountId: string): string {
  return `datasets/${accountId}.jsonl`;
}

export function groupBy<T>(items: Iterable<T>, keysOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export function findingsByRequirement(findings: Finding[]): Map<string, Finding[]> {
  return groupBy(findings, (f) => f.requirementIds);
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
