// What an account's records say about it: regions that answered "not here" (an SCP denial or a
// region that is not enabled) and whether the scan of the account is complete.

import type { AccountStatus } from '../contract/status.js';
import type { SkippedRegion } from '../contract/results.js';
import type { DatasetErrorKind, DatasetRecord } from '../contract/record.js';

const ANSWERS: ReadonlySet<DatasetErrorKind> = new Set(['scp-denied', 'region-disabled']);

/** A region where every regional dataset failed with an answer is skipped, with that reason. */
export function skippedRegion(region: string, records: readonly DatasetRecord[]): SkippedRegion | undefined {
  if (records.length === 0) return undefined;
  const kinds = new Set<DatasetErrorKind>();
  for (const r of records) {
    if (r.ok || !ANSWERS.has(r.error.kind)) return undefined;
    kinds.add(r.error.kind);
  }
  const reasons = [
    kinds.has('scp-denied') ? 'denied by a service control policy' : undefined,
    kinds.has('region-disabled') ? 'region not enabled for this account' : undefined,
  ];
  return { region, reason: reasons.filter((r) => r !== undefined).join('; ') };
}

/** A failure that makes the account PARTIAL (not an answer about the region). */
export function isFault(record: DatasetRecord): boolean {
  return !record.ok && !ANSWERS.has(record.error.kind);
}

/** PARTIAL when any dataset failed for a reason other than an answer about the region. */
export function reachedStatus(records: readonly DatasetRecord[]): Exclude<AccountStatus, 'ERROR'> {
  return records.some(isFault) ? 'PARTIAL' : 'SCANNED';
}

/** `2 datasets failed: iam.credentialReport (AccessDenied), ec2.instances in eu-west-1 (Throttling)` */
export function faultSummary(records: readonly DatasetRecord[]): string | undefined {
  const faults = records.filter(isFault);
  if (faults.length === 0) return undefined;
  const shown = faults.slice(0, 5).map((r) => {
    const where = r.region === 'global' ? '' : ` in ${r.region}`;
    return `${r.collector}${where} (${r.ok ? '' : r.error.code})`;
  });
  const more = faults.length > shown.length ? `, and ${faults.length - shown.length} more` : '';
  return `${faults.length} dataset${faults.length === 1 ? '' : 's'} failed: ${shown.join(', ')}${more}`;
}
