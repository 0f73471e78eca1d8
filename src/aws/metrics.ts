// Counts what the scan asked of AWS, per account and service, for the manifest and the summary.
// requests: every HTTP attempt; retries: attempts after the first; throttles: attempts refused
// for throttling; errors: attempts that failed otherwise.

import type { CallCounts } from '../snapshot/manifest.js';

export type CallKind = keyof CallCounts;

export function emptyCounts(): CallCounts {
  return { requests: 0, retries: 0, throttles: 0, errors: 0 };
}

export function addCounts(into: CallCounts, from: CallCounts): CallCounts {
  into.requests += from.requests;
  into.retries += from.retries;
  into.throttles += from.throttles;
  into.errors += from.errors;
  return into;
}

export class CallMetrics {
  private readonly byAccount = new Map<string, Map<string, CallCounts>>();
  private readonly total = emptyCounts();
  /**
   * Equal counts shared by every manifest entry: each finished account stays in the manifest for
   * the whole scan, and most of its 40-odd services were asked the same few times as elsewhere
   * (about 2 KB an account, 2 MB of live heap at 1,000 accounts).
   */
  private readonly shared = new Map<string, CallCounts>();

  count(accountId: string, service: string, kind: CallKind): void {
    let services = this.byAccount.get(accountId);
    if (!services) this.byAccount.set(accountId, (services = new Map()));
    let counts = services.get(service);
    if (!counts) services.set(service, (counts = emptyCounts()));
    counts[kind] += 1;
    this.total[kind] += 1;
  }

  /** Per-service counts of one account, as the manifest stores them. */
  forAccount(accountId: string): Record<string, CallCounts> {
    const services = this.byAccount.get(accountId) ?? new Map<string, CallCounts>();
    return Object.fromEntries([...services].map(([service, counts]) => [service, this.sharedCopy(counts)]));
  }

  private sharedCopy(counts: CallCounts): CallCounts {
    const key = `${counts.requests}/${counts.retries}/${counts.throttles}/${counts.errors}`;
    let copy = this.shared.get(key);
    if (!copy) this.shared.set(key, (copy = Object.freeze({ ...counts })));
    return copy;
  }

  /** Forgets a finished account's counts (the manifest has them); the totals keep them. */
  forget(accountId: string): void {
    this.byAccount.delete(accountId);
  }

  totals(): CallCounts {
    return { ...this.total };
  }
}
