// The fake AWS's world, as JSON: the accounts, their regions and the faults to inject. Each service
// declares its own slice of it in its file under services/, by augmenting these interfaces
// (`declare module '../scenario.js' { interface RegionSpec { guardDuty?: GuardDutySpec } }`); import
// the types from index.ts, which loads every service. Dates are ISO strings or offsets from the
// server's "now" (`-30d`, `+20d`, `-4h`, `now`), so a scenario file never goes stale.

import type { RegionDenySpec } from './region-deny.js';

export type When = string;

export interface Scenario {
  /** The caller's (management) account: base credentials map to it. */
  managementAccountId: string;
  /** IAM user the base credentials belong to. Default `auditor`. */
  callerUserName?: string;
  /** Role the scanner assumes in member accounts. Default `PartnerAuditReadOnly`. */
  roleName?: string;
  /** When set, AssumeRole must carry this ExternalId. */
  externalId?: string;
  accounts: AccountSpec[];
  faults?: FaultSpec;
}

export interface AccountSpec {
  id: string;
  name: string;
  email?: string;
  status?: 'ACTIVE' | 'SUSPENDED';
  tags?: Record<string, string>;
  /** `denied`: the role does not trust the caller (AssumeRole answers AccessDenied). */
  assumeRole?: 'ok' | 'denied';
  /** Every region the account knows. Regions not listed here answer like a disabled region. */
  regions: Record<string, RegionSpec>;
}

export type OptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

export interface RegionSpec {
  optInStatus?: OptInStatus;
}

// ---------- Faults ----------
export interface FaultSpec {
  /** Every response waits a uniformly random time in this range. */
  latencyMs?: [number, number];
  /** The first `count` calls of `action` (per account and region) answer the service's throttling error. */
  throttle?: { action: string; count: number; accountId?: string; region?: string }[];
  /**
   * A token bucket per account (default), or per account, region and service (`per: 'service'`, as
   * AWS meters most APIs): calls beyond it answer the service's throttling error. Actions listed in
   * `exempt` are neither metered nor throttled.
   */
  tokenBucket?: { ratePerSecond: number; burst: number; per?: 'account' | 'service'; exempt?: string[] };
  /** IAM or SCP denies; `action` `*` denies every action of the region. */
  deny?: DenySpec[];
  /** Region-deny SCPs on member accounts, like Control Tower's Region deny control. */
  regionDeny?: RegionDenySpec[];
  /** After this many requests the endpoint freezes: it accepts every later request and never answers. */
  freezeAfter?: number;
}

export interface DenySpec {
  action: string;
  accountId?: string;
  region?: string;
  /** `scp`: explicit deny in a service control policy. Default: no identity-based policy allows it. */
  by?: 'iam' | 'scp';
}

/** Resolves `When` values against the server's clock. */
export function resolveWhen(when: When, now: Date): Date {
  if (when === 'now') return new Date(now);
  const rel = /^([+-])(\d+(?:\.\d+)?)([dhm])$/.exec(when);
  if (!rel) {
    const abs = new Date(when);
    if (Number.isNaN(abs.getTime())) throw new Error(`scenario: bad date ${JSON.stringify(when)}`);
    return abs;
  }
  const unitMs = { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[3] as 'd' | 'h' | 'm'];
  const sign = rel[1] === '-' ? -1 : 1;
  return new Date(now.getTime() + sign * Number(rel[2]) * unitMs);
}

export function findAccount(scenario: Scenario, accountId: string): AccountSpec | undefined {
  return scenario.accounts.find((a) => a.id === accountId);
}

export function roleNameOf(scenario: Scenario): string {
  return scenario.roleName ?? 'PartnerAuditReadOnly';
}
