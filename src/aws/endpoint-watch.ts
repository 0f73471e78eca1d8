// One watch over every HTTP request of a scan, wrapped around the shared request handler:
// - an endpoint host that has given no response for `stallMs` while requests wait on it is declared
//   stalled, once: its waiting requests fail with one clear EndpointStalled error (which the SDK does
//   not retry), and later requests to it fail at once, apart from one probe at a time, until it
//   answers again. Without this, each call would wait out its request timeout on every attempt;
// - the scan's deadline fails everything in flight and every later request with DeadlineReached.

import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

export const ENDPOINT_STALLED = 'EndpointStalled';
export const DEADLINE_REACHED = 'DeadlineReached';

/** Neither is transient to the SDK's retry strategy (no timeout name, no network code), so no call retries it. */
export class EndpointStalledError extends Error {
  override name = ENDPOINT_STALLED;
  readonly code = ENDPOINT_STALLED;
}

export class DeadlineReachedError extends Error {
  override name = DEADLINE_REACHED;
  readonly code = DEADLINE_REACHED;
  constructor() {
    super('the scan reached its --deadline; the call was not completed');
  }
}

export interface StallEvent {
  /** `https://ec2.eu-west-1.amazonaws.com` */
  host: string;
  /** How long the host had given no response. */
  quietMs: number;
  /** Requests that were waiting on it, now failed. */
  waiting: number;
}

export interface EndpointWatchOptions {
  stallMs: number;
  /** Aborts every request in flight and refuses new ones. */
  deadline?: AbortSignal;
  /** Called once per stall, when a host is declared stalled. */
  onStall?(event: StallEvent): void;
  /** Called when a stalled host answers again. */
  onRecover?(host: string): void;
  now?: () => number;
}

export type Handler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

export interface WatchedHandler extends Handler {
  /**
   * Ends the watch: calls still in flight (a sibling of a call that failed, left running by
   * Promise.all) fail, and so does any later one, so nothing keeps the process alive after the scan.
   */
  stop(): void;
}

/** The scan is over; calls left behind fail at once rather than wait on the network. */
class WatchStoppedError extends Error {
  override name = 'ScanOver';
  readonly code = 'ScanOver';
}

interface Waiting {
  fail(error: Error): void;
}

interface HostState {
  waiting: Set<Waiting>;
  /** Since when the host has not answered: its last response, or when it went from idle to busy. */
  quietSince: number;
  /** Set while the host is stalled: when it went quiet. */
  stalledSince?: number;
  /** One request at a time still tries a stalled host, to notice when it answers again. */
  probing: boolean;
}

/**
 * All the HTTP handler reads of a call's abort signal (the SDK's own AbortSignal shape: `aborted`,
 * `reason`, `onabort`). Node's AbortController, an EventTarget, cost about 15 µs per request.
 */
class CallSignal {
  aborted = false;
  reason: unknown;
  onabort: ((this: CallSignal, event: { type: 'abort' }) => unknown) | null = null;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.onabort?.call(this, { type: 'abort' });
  }
}

/** `45`, `0.3`: seconds as a person reads them. */
export function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(1));
}

function hostOf(request: HttpRequest): string {
  return `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
}

export function watchEndpoints(inner: Handler, options: EndpointWatchOptions): WatchedHandler {
  const now = options.now ?? Date.now;
  const hosts = new Map<string, HostState>();
  let timer: NodeJS.Timeout | undefined;

  const stalledError = (host: string, since: number): EndpointStalledError =>
    new EndpointStalledError(
      `${host} stopped answering: no response for ${seconds(options.stallMs)} s from ${new Date(since).toISOString()} ` +
        'while calls waited; its calls fail until it answers again',
    );

  const check = (): void => {
    const at = now();
    for (const [host, state] of hosts) {
      const quietMs = at - state.quietSince;
      if (state.waiting.size === 0 || quietMs < options.stallMs) continue;
      if (state.stalledSince === undefined) {
        state.stalledSince = state.quietSince;
        options.onStall?.({ host, quietMs, waiting: state.waiting.size });
      }
      const error = stalledError(host, state.stalledSince);
      for (const waiting of [...state.waiting]) waiting.fail(error);
    }
  };

  const failAll = (error: Error): void => {
    for (const state of hosts.values()) for (const waiting of [...state.waiting]) waiting.fail(error);
  };
  options.deadline?.addEventListener('abort', () => failAll(new DeadlineReachedError()), { once: true });

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { waiting: new Set(), quietSince: now(), probing: false }));
    return state;
  };

  let stopped = false;
  const handle = async (request: HttpRequest, handlerOptions?: HttpHandlerOptions): Promise<{ response: HttpResponse }> => {
    if (stopped) throw new WatchStoppedError('the scan is over: no more AWS calls');
    if (options.deadline?.aborted) throw new DeadlineReachedError();
    const host = hostOf(request);
    const state = stateOf(host);
    const stalled = state.stalledSince !== undefined;
    if (state.stalledSince !== undefined && state.probing) throw stalledError(host, state.stalledSince);
    if (state.waiting.size === 0) state.quietSince = now();
    if (stalled) state.probing = true;
    timer ??= setInterval(check, Math.max(50, Math.min(1000, options.stallMs / 4))).unref();

    const signal = new CallSignal();
    const outer = handlerOptions?.abortSignal as AbortSignal | undefined;
    if (outer?.aborted) signal.abort(outer.reason);
    const forward = (): void => signal.abort(outer?.reason);
    outer?.addEventListener?.('abort', forward, { once: true });
    let waiting!: Waiting;
    // Settles with the handler, or first with the watch's error (the handler then sees the abort).
    const call = new Promise<{ response: HttpResponse }>((resolve, reject) => {
      waiting = {
        fail: (error) => {
          reject(error);
          signal.abort(error);
        },
      };
      state.waiting.add(waiting);
      inner.handle(request, { ...handlerOptions, abortSignal: signal }).then(resolve, reject);
    });
    try {
      const result = await call;
      state.quietSince = now();
      if (state.stalledSince !== undefined) {
        state.stalledSince = undefined;
        options.onRecover?.(host);
      }
      return result;
    } finally {
      state.waiting.delete(waiting);
      if (stalled) state.probing = false;
      outer?.removeEventListener?.('abort', forward);
    }
  };

  return {
    ...(inner.metadata ? { metadata: inner.metadata } : {}),
    handle,
    stop: () => {
      stopped = true;
      if (timer) clearInterval(timer);
      failAll(new WatchStoppedError('the scan is over: no more AWS calls'));
    },
  } as WatchedHandler;
}
