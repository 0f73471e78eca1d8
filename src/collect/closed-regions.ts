// Regions a service control policy closes to the audit role. The probe is ec2:DescribeInstances,
// which region-deny SCPs (Control Tower's Region deny control, the AWS Organizations example) deny
// outside the allowed regions while exempting other services. A region-deny SCP always leaves the
// home region open, so when every enabled region denies the probe the deny is not about regions:
// then nothing is closed and the probe's failure is a fault like any other.

import type { RecordOutcome } from '../contract/record.js';

const DENIAL_CODES = new Set(['UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException']);
const EXPLICIT_SCP_DENY = /explicit deny in a service control policy/i;

/** The probe answered with an explicit deny from a service control policy. */
export function closesRegion(probe: RecordOutcome): boolean {
  return !probe.ok && DENIAL_CODES.has(probe.error.code) && EXPLICIT_SCP_DENY.test(probe.error.message);
}

export interface ClosureProbe {
  /** The probe in a region in scope (recorded as the region's dataset). */
  inScope(region: string): Promise<RecordOutcome>;
  /** The probe in an enabled region outside the scope (not recorded: the scan does not cover it). */
  outside(region: string): Promise<RecordOutcome>;
}

/** The regions in scope that an SCP closes; empty when every enabled region denies the probe. */
export async function closedRegions(probe: ClosureProbe, inScope: readonly string[], enabled: readonly string[]): Promise<Set<string>> {
  const records = await Promise.all(inScope.map((region) => probe.inScope(region)));
  const closed = inScope.filter((_, i) => closesRegion(records[i]!));
  if (closed.length < inScope.length) return new Set(closed);
  // Every region in scope is closed: legitimate only if some other enabled region is open.
  const others = enabled.filter((region) => !inScope.includes(region));
  const outside = await Promise.all(others.map((region) => probe.outside(region)));
  return outside.some((record) => !closesRegion(record)) ? new Set(closed) : new Set();
}
