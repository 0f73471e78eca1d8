// Fault injection from the scenario: latency, SCP and IAM denies, throttling of the first N calls
// of an action, a per-account token bucket, and an endpoint that freezes after N requests. Each
// fault but the freeze throws the service's own error.

import { setTimeout as sleep } from 'node:timers/promises';
import { FakeAwsError, type ServiceErrors } from './errors.js';
import { deniedByRegion } from './region-deny.js';
import type { DenySpec, FaultSpec } from './scenario.js';

export interface CallSite {
  action: string;
  accountId: string;
  region: string;
  callerArn: string;
  errors: ServiceErrors;
}

export class FaultInjector {
  private readonly calls = new Map<string, number>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private served = 0;

  constructor(private readonly spec: FaultSpec = {}) {}

  /** Counts a request; true once the endpoint has frozen, and this request must never be answered. */
  frozen(): boolean {
    this.served += 1;
    return this.spec.freezeAfter !== undefined && this.served > this.spec.freezeAfter;
  }

  async delay(): Promise<void> {
    const range = this.spec.latencyMs;
    if (!range) return;
    const [min, max] = range;
    await sleep(min + Math.random() * (max - min));
  }

  /** Throws the error a real service would answer for this call, if a fault applies. */
  check(site: CallSite): void {
    const deny = this.spec.deny?.find((d) => denies(d, site));
    if (deny) throw accessDenied(site, deny.by ?? 'iam');
    if (deniedByRegion(this.spec.regionDeny, site)) throw accessDenied(site, 'scp');
    if (this.throttledByCount(site) || this.throttledByBucket(site)) {
      throw FakeAwsError.of(site.errors.throttle, 'Rate exceeded');
    }
  }

  private throttledByCount(site: CallSite): boolean {
    const rule = this.spec.throttle?.find(
      (t) => t.action === site.action && (t.accountId ?? site.accountId) === site.accountId && (t.region ?? site.region) === site.region,
    );
    if (!rule) return false;
    const key = `${site.action}|${site.accountId}|${site.region}`;
    const seen = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, seen);
    return seen <= rule.count;
  }

  private throttledByBucket(site: CallSite): boolean {
    const spec = this.spec.tokenBucket;
    if (!spec || spec.exempt?.includes(site.action)) return false;
    const key = spec.per === 'service' ? `${site.accountId}|${site.region}|${site.action.split(':')[0]}` : site.accountId;
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: spec.burst, at: now };
    bucket.tokens = Math.min(spec.burst, bucket.tokens + ((now - bucket.at) / 1000) * spec.ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }
}

function denies(deny: DenySpec, site: CallSite): boolean {
  const actionMatches = deny.action === '*' || deny.action === site.action;
  return actionMatches && (deny.accountId ?? site.accountId) === site.accountId && (deny.region ?? site.region) === site.region;
}

export function accessDenied(site: Pick<CallSite, 'action' | 'callerArn' | 'errors'>, by: 'iam' | 'scp'): FakeAwsError {
  const why = by === 'scp' ? 'with an explicit deny in a service control policy' : 'because no identity-based policy allows the action';
  const core = `User: ${site.callerArn} is not authorized to perform: ${site.action} ${why}`;
  const message =
    site.errors.accessDenied.code === 'UnauthorizedOperation'
      ? `You are not authorized to perform this operation. ${core}. Encoded authorization failure message: fake-encoded-message`
      : core;
  return FakeAwsError.of(site.errors.accessDenied, message);
}
