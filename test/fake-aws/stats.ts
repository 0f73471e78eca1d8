// What the server served: request counts per action and account, throttles and error codes.
// Plain data, so a worker thread can post it to the bench.

export interface FakeAwsStats {
  requests: number;
  throttled: number;
  byAction: Record<string, number>;
  byAccount: Record<string, number>;
  /** Error code -> count, throttles included. */
  errors: Record<string, number>;
}

export class StatsRecorder {
  private data: FakeAwsStats = emptyStats();

  request(action: string, accountId: string): void {
    this.data.requests += 1;
    bump(this.data.byAction, action);
    bump(this.data.byAccount, accountId);
  }

  error(code: string, throttle: boolean): void {
    bump(this.data.errors, code);
    if (throttle) this.data.throttled += 1;
  }

  snapshot(): FakeAwsStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = emptyStats();
  }
}

function emptyStats(): FakeAwsStats {
  return { requests: 0, throttled: 0, byAction: {}, byAccount: {}, errors: {} };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
