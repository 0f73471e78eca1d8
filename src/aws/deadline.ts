// `scan --deadline`: one clock for the whole scan. When it runs out, every AWS call in flight fails
// with DeadlineReached (endpoint-watch.ts) and accounts not yet finished end PARTIAL.

export interface Deadline {
  /** When collection has to stop, ISO 8601. */
  readonly at: string;
  /** Aborted when the deadline is reached. */
  readonly signal: AbortSignal;
  reached(): boolean;
}

export function startDeadline(ms: number, now: () => number = Date.now): Deadline {
  // AbortSignal.timeout's timer does not keep the process alive.
  const signal = AbortSignal.timeout(ms);
  return { at: new Date(now() + ms).toISOString(), signal, reached: () => signal.aborted };
}
