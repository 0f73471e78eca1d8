// Builds the SDK clients collectors use: one per account+region+service, memoized, with the scan's
// credentials, the SDK's own retry strategy, timeouts (a short connect timeout apart from the
// per-request one), keep-alive sockets, concurrency caps, call counting and request-ID logging, and
// one watch over every request for stalled endpoints and the scan's deadline (endpoint-watch.ts). The endpoint is left to the SDK, so AWS_ENDPOINT_URL and
// AWS_ENDPOINT_URL_<SERVICE> keep working.

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider, RequestHandler } from '@smithy/types';
import pLimit, { type LimitFunction } from 'p-limit';
import { DEFAULT_STALL_MS, type ScanSettings } from '../contract/settings.js';
import type { ClientFactory, SdkClient, SdkClientCtor } from '../contract/collector.js';
import { watchEndpoints, type EndpointWatchOptions, type Handler } from './endpoint-watch.js';
import { CallMetrics } from './metrics.js';
import { attemptMiddleware, ATTEMPT_MIDDLEWARE } from './middleware.js';

export type ClientSettings = Pick<ScanSettings, 'concurrency' | 'retry' | 'timeouts'>;

export interface ClientPoolOptions {
  settings: ClientSettings;
  metrics?: CallMetrics;
  /** Replaces the HTTP handler (tests answer requests without a network); the watch still wraps it. */
  requestHandler?: RequestHandler<any, any, any>;
  /** The scan's deadline and who hears of a stalled endpoint. */
  watch?: Omit<EndpointWatchOptions, 'stallMs'>;
}

export interface ClientTarget {
  accountId: string;
  region: string;
  credentials: AwsCredentialIdentityProvider;
}

/** Shared state of every client of a scan: sockets, caps, counters and the memo. */
export interface ClientPool {
  readonly metrics: CallMetrics;
  /** The clients of one account+region. */
  factory(target: ClientTarget): ClientFactory;
  /** Requests in flight or waiting for a slot under the global cap, and the cap. */
  load(): { demand: number; capacity: number };
  /** Forgets an account's clients and caps once it is done, so memory does not grow with the organization. */
  release(accountId: string): void;
  /** Closes the keep-alive sockets. Call once the scan is over. */
  destroy(): void;
}

/** `IAM` → `iam`, `Config Service` → `config-service`. */
function serviceName(client: SdkClient, ctor: SdkClientCtor<SdkClient>): string {
  const id = (client.config as { serviceId?: unknown }).serviceId;
  const raw = typeof id === 'string' ? id : ctor.name.replace(/Client$/, '');
  return raw.toLowerCase().replace(/\s+/g, '-');
}

function createHttpHandler(settings: ClientSettings): NodeHttpHandler {
  const sockets = { keepAlive: true, maxSockets: settings.concurrency.requestsInFlight };
  return new NodeHttpHandler({
    connectionTimeout: settings.timeouts.connectMs,
    requestTimeout: settings.timeouts.requestMs,
    throwOnRequestTimeout: true,
    httpAgent: new HttpAgent(sockets),
    httpsAgent: new HttpsAgent(sockets),
  });
}

export function createClientPool(options: ClientPoolOptions): ClientPool {
  const { settings } = options;
  const metrics = options.metrics ?? new CallMetrics();
  const ownHandler = options.requestHandler ? undefined : createHttpHandler(settings);
  const requestHandler = watchEndpoints((options.requestHandler ?? ownHandler) as Handler, {
    ...options.watch,
    stallMs: settings.timeouts.stallMs ?? DEFAULT_STALL_MS,
  });
  const inFlight = pLimit(settings.concurrency.requestsInFlight);
  const perService = new Map<string, LimitFunction>();
  const clients = new Map<string, Map<SdkClientCtor<SdkClient>, SdkClient>>();

  const serviceLimit = (key: string): LimitFunction => {
    let limit = perService.get(key);
    if (!limit) perService.set(key, (limit = pLimit(settings.concurrency.perService)));
    return limit;
  };

  const build = <C extends SdkClient>(ctor: SdkClientCtor<C>, target: ClientTarget): C => {
    const client = new ctor({
      region: target.region,
      credentials: target.credentials,
      retryMode: settings.retry.mode,
      maxAttempts: settings.retry.maxAttempts,
      requestHandler,
    });
    const service = serviceName(client, ctor);
    const limit = serviceLimit(`${target.accountId}|${target.region}|${service}`);
    client.middlewareStack.addRelativeTo(
      attemptMiddleware({ accountId: target.accountId, service, metrics, limit: (fn) => limit(() => inFlight(fn)) }),
      { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: ATTEMPT_MIDDLEWARE, override: true },
    );
    return client;
  };

  return {
    metrics,
    factory: (target) => ({
      get: <C extends SdkClient>(ctor: SdkClientCtor<C>): C => {
        const key = `${target.accountId}|${target.region}`;
        let byCtor = clients.get(key);
        if (!byCtor) clients.set(key, (byCtor = new Map()));
        let client = byCtor.get(ctor);
        if (!client) byCtor.set(ctor, (client = build(ctor, target)));
        return client as C;
      },
    }),
    load: () => ({ demand: inFlight.activeCount + inFlight.pendingCount, capacity: settings.concurrency.requestsInFlight }),
    release: (accountId) => {
      const prefix = `${accountId}|`;
      for (const key of [...clients.keys()]) if (key.startsWith(prefix)) clients.delete(key);
      for (const key of [...perService.keys()]) if (key.startsWith(prefix)) perService.delete(key);
    },
    destroy: () => {
      requestHandler.stop();
      ownHandler?.destroy();
    },
  };
}

/** The ClientFactory of one account+region, sharing the pool's sockets, caps and memo. */
export function createClientFactory(pool: ClientPool, target: ClientTarget): ClientFactory {
  return pool.factory(target);
}
