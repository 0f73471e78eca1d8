// Builds the SDK clients collectors use: one per region+service, shared by every account, each send
// carrying its account and dataset log (account-binding.ts, request-scope.ts). Clients get the
// SDK's own retry strategy, timeouts (a short connect timeout apart from the per-request one),
// keep-alive sockets, concurrency caps, call counting and request-ID logging, and one watch over
// every request for stalled endpoints and the scan's deadline (endpoint-watch.ts). The endpoint is
// left to the SDK, so AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> keep working; ./endpoints.ts
// helps the three clients that need it.

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider, RequestHandler } from '@smithy/types';
import pLimit from 'p-limit';
import { DEFAULT_STALL_MS, type ScanSettings } from '../contract/settings.js';
import type { ClientFactory, SdkClient, SdkClientCtor } from '../contract/collector.js';
import { honourConfiguredEndpoint, legacyEndpointConfig, serviceIdOf } from './endpoints.js';
import { watchEndpoints, type EndpointWatchOptions, type Handler } from './endpoint-watch.js';
import { CallMetrics } from './metrics.js';
import { attemptMiddleware, ATTEMPT_MIDDLEWARE } from './middleware.js';
import { reuseSigner, SigningKeys } from './signer-reuse.js';
import { SlotCap } from './slot-cap.js';
import { bindAuthSchemes, boundCredentials, boundRetryStrategy, honoursBinding, type AccountBinding } from './account-binding.js';
import type { RequestLog } from './request-log.js';
import { scopedSend, scopeOf, type RequestScope, type ScopedCommand } from './request-scope.js';

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
  /** The log of the dataset these clients collect for: each request's ID is added to it. */
  log?: RequestLog;
}

/** Shared state of every client of a scan: sockets, caps, counters and the memo. */
export interface ClientPool {
  readonly metrics: CallMetrics;
  /** The clients of one account+region (and dataset log): each send signed as that account. */
  factory(target: ClientTarget): ClientFactory;
  /** Requests in flight or waiting for a slot under the global cap, and the cap. */
  load(): { demand: number; capacity: number };
  /** Forgets an account's bindings, caps and call counts once it is done, so memory does not grow with the organization. */
  release(accountId: string): void;
  /** Closes the keep-alive sockets. Call once the scan is over. */
  destroy(): void;
}

/** `IAM` → `iam`, `Config Service` → `config-service`. */
function serviceName(client: SdkClient, ctor: SdkClientCtor<SdkClient>): string {
  const raw = serviceIdOf(client) ?? ctor.name.replace(/Client$/, '');
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

type Ctor = SdkClientCtor<SdkClient>;

/** The SDK's name for its logging middleware, the same in every build the scan uses. */
export const SDK_LOGGER_MIDDLEWARE = 'loggerMiddleware';

interface SharedClient {
  client: SdkClient;
  service: string;
  /** Whether this SDK build resolves credentials per request (account-binding.ts honoursBinding). */
  shareable: Promise<boolean>;
}

function memo<V>(map: Map<string, Map<Ctor, V>>, key: string, ctor: Ctor, create: () => V): V {
  let byCtor = map.get(key);
  if (!byCtor) map.set(key, (byCtor = new Map()));
  let value = byCtor.get(ctor);
  if (value === undefined) byCtor.set(ctor, (value = create()));
  return value;
}

/** One account+region+service: the shared client, the binding its sends carry, and whether they may go to it. */
interface Bound {
  shared: SdkClient;
  binding: AccountBinding;
  shareable: Promise<boolean>;
  /** Builds a client of the binding's own, for an SDK build that cannot be shared. */
  ownClient(): SdkClient;
}

/**
 * A client for one account+region+service and dataset: the shared client's prototype with a `send`
 * carrying the scope. A build that cannot be shared gets a client of its own here, so it goes
 * when the dataset is done rather than when the account is (a few hundred KB per account).
 */
function scopedClient<C extends SdkClient>(bound: Bound, log: RequestLog | undefined): C {
  const scope: RequestScope = log ? { binding: bound.binding, log } : { binding: bound.binding };
  const sendWithScope = scopedSend<unknown>(scope);
  let own: SdkClient | undefined;
  const route = async (): Promise<SdkClient> => ((await bound.shareable) ? bound.shared : (own ??= bound.ownClient()));
  const send = async (command: ScopedCommand, ...rest: unknown[]): Promise<unknown> => sendWithScope(await route(), command, rest);
  return Object.create(bound.shared, { send: { value: send } }) as C;
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
  const bindings = new Map<string, AccountBinding>();
  // One client per region+service for every account, and whether its SDK build can be shared.
  const shared = new Map<string, Map<Ctor, SharedClient>>();
  const bounds = new Map<string, Map<Ctor, Bound>>();
  const retryStrategy = boundRetryStrategy(settings, (key) => bindings.get(key));
  const signingKeys = new SigningKeys();

  const build = <C extends SdkClient>(ctor: SdkClientCtor<C>, region: string, credentials: AwsCredentialIdentityProvider, bound: boolean): C => {
    const config = {
      region,
      credentials,
      retryMode: settings.retry.mode,
      maxAttempts: settings.retry.maxAttempts,
      ...(bound ? { retryStrategy } : {}),
      requestHandler,
    };
    const first = new ctor(config);
    const legacy = legacyEndpointConfig(first);
    const client = legacy ? new ctor({ ...config, ...legacy }) : first;
    honourConfiguredEndpoint(client);
    reuseSigner(client.config as { signer?: unknown }, signingKeys);
    if (bound && typeof client.config.httpAuthSchemeProvider === 'function') bindAuthSchemes(client.config, (context) => scopeOf(context).binding);
    // The scan gives the SDK no logger, yet its logger middleware copies and filters every output
    // for a log nobody reads: about 1% of the collection's CPU (docs/performance.md).
    client.middlewareStack.remove(SDK_LOGGER_MIDDLEWARE);
    // `awsAuthMiddleware` names the signing step in every client: an alias of httpSigningMiddleware in
    // current ones, its own name in older builds (client-oam 3.332).
    client.middlewareStack.addRelativeTo(attemptMiddleware(metrics), {
      relation: 'before',
      toMiddleware: 'awsAuthMiddleware',
      name: ATTEMPT_MIDDLEWARE,
      override: true,
    });
    return client;
  };

  const sharedClient = (ctor: Ctor, region: string): SharedClient =>
    memo(shared, region, ctor, () => {
      const client = build(ctor, region, boundCredentials(), true);
      return { client, service: serviceName(client, ctor), shareable: honoursBinding(client.config) };
    });

  const bindingOf = (target: ClientTarget, region: string, service: string): AccountBinding => {
    const key = `${target.accountId}|${region}|${service}`;
    let binding = bindings.get(key);
    if (!binding) {
      // The per-service cap: one per binding, and so per account+region+service.
      const cap = new SlotCap(settings.concurrency.perService);
      binding = { key, accountId: target.accountId, service, credentials: target.credentials, limit: (fn) => cap.run(() => inFlight(fn)) };
      bindings.set(key, binding);
    }
    return binding;
  };

  const bind = (ctor: Ctor, target: ClientTarget, region: string): Bound => {
    const { client, service, shareable } = sharedClient(ctor, region);
    // A build that caches credentials per client gets clients of its own. Only the credentials are
    // kept: the target's dataset log must go when its dataset is done.
    const { credentials } = target;
    return { shared: client, binding: bindingOf(target, region, service), shareable, ownClient: () => build(ctor, region, credentials, false) };
  };

  const factory = (target: ClientTarget): ClientFactory => {
    const clients = new Map<string, Map<Ctor, SdkClient>>();
    return {
      get: <C extends SdkClient>(ctor: SdkClientCtor<C>, region = target.region): C =>
        memo(clients, region, ctor, () => {
          const bound = memo(bounds, `${target.accountId}|${region}`, ctor, () => bind(ctor, target, region));
          return scopedClient(bound, target.log);
        }) as C,
    };
  };

  return {
    metrics,
    factory,
    load: () => ({ demand: inFlight.activeCount + inFlight.pendingCount, capacity: settings.concurrency.requestsInFlight }),
    release: (accountId) => {
      const prefix = `${accountId}|`;
      for (const map of [bounds, bindings]) for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
      metrics.forget(accountId);
    },
    destroy: () => {
      requestHandler.stop();
      ownHandler?.destroy();
    },
  };
}
