// What an account's records say about it: regions that answered "not enabled here", and whether the
// scan of the account is complete. Regions closed by an SCP are found by the probe (closed-regions.ts).

import type { RecordOutcome } from '../contract/record.js';
import type { SkippedRegion } from '../contract/results.js';
import type { AccountStatus } from '../contract/status.js';

export const CLOSED_BY_SCP = 'closed by a service control policy';

/** A region where every regional dataset answered "region not enabled" is skipped with that reason. */
export function disabledRegion(region: string, records: readonly RecordOutcome[]): SkippedRegion | undefined {
  if (records.length === 0) return undefined;
  const disabled = records.every((r) => !r.ok && r.error.kind === 'region-disabled');
  return disabled ? { region, reason: 'region not enabled for this account' } : undefined;
}

export function closedRegion(region: string): SkippedRegion {
  return { region, reason: CLOSED_BY_SCP, closedByScp: true };
}

/** An answer about the region rather than a failure (the progress line does not count it as an error). */
export function isRegionAnswer(record: RecordOutcome): boolean {
  return !record.ok && (record.error.kind === 'scp-denied' || record.error.kind === 'region-disabled');
}

/**
 * The failures that leave the account PARTIAL: every failed dataset except a region that is not
 * enabled and anything in a region an SCP closes. An SCP denying one service in an open region, or
 * a global dataset, is a fault like an IAM denial.
 */
export function faultsOf(records: readonly RecordOutcome[], closed: ReadonlySet<string>): RecordOutcome[] {
  return records.filter((r) => !r.ok && r.error.kind !== 'region-disabled' && !closed.has(r.region));
}

export function reachedStatus(faults: readonly RecordOutcome[]): Exclude<AccountStatus, 'ERROR'> {
  return faults.length > 0 ? 'PARTIAL' : 'SCANNED';
}

/** `2 datasets failed: iam.credentialReport (AccessDenied), ec2.instances in eu-west-1 (Throttling)` */
export function faultSummary(faults: readonly RecordOutcome[]): string | undefined {
  if (faults.length === 0) return undefined;
  const shown = faults.slice(0, 5).map((r) => {
    const where = r.region === 'global' ? '' : ` in ${r.region}`;
    return `${r.collector}${where} (${r.ok ? '' : r.error.code})`;
  });
  const more = faults.length > shown.length ? `, and ${faults.length - shown.length} more` : '';
  return `${faults.length} dataset${faults.length === 1 ? '' : 's'} failed: ${shown.join(', ')}${more}`;
}
