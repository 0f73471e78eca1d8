// Which account a request belongs to, so one SDK client per region and service can serve every
// account of a scan. Building a client and resolving its configuration costs about a millisecond
// of CPU and the SDK's caches (config, middleware, signer) start cold each time; a scan used to
// build one per account+region+service for about 1.5 requests each (issue 14).
//
// Each send carries its binding in its handler context (request-scope.ts). The shared client's
// parts that see no context follow it another way:
// - credentials: its auth scheme options pass the binding to the identity provider as an identity
//   property, and hand the signer a view of the client's configuration whose SigV4 signer reads
//   the binding's session;
// - retries: the retry middleware scopes its token by the context's `partition_id`, the binding's
//   key, so throttling in one account backs off only that account's retries.
// Anything that asks for credentials without a binding fails; nothing is ever signed as a guess.
// Builds without these hooks, that cache credentials regardless, or whose endpoints need the
// account's ID get clients of their own per account and dataset: `honoursBinding` finds out before a client is shared.

import { AdaptiveRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { ScanSettings } from '../contract/settings.js';
import { OUTSIDE_BINDING } from './request-scope.js';

/** One account+region+service as seen by its requests: who signs, which caps apply, how it retries. */
export interface AccountBinding {
  /** `accountId|region|service`: the retry scope of its requests. */
  key: string;
  accountId: string;
  service: string;
  credentials: AwsCredentialIdentityProvider;
  /** Runs one attempt within the per-service and global caps. */
  limit<T>(fn: () => Promise<T>): Promise<T>;
  /** This binding's own retry state (quota, adaptive rate), created on first use. */
  retry?: RetryStrategyV2;
  /** The client configuration its requests are signed with, made on first use. */
  signing?: object;
}

const BINDING = Symbol('partnerAuditBinding');
/** What the retry middleware appends to the token scope of a long poll. */
const LONG_POLL = ':longpoll';

type IdentityProperties = Record<string | symbol, unknown>;

/**
 * Credentials that follow the binding passed in the identity properties. `memoized` tells the SDK
 * not to cache them per client; each binding's own provider caches and renews its session.
 */
export function boundCredentials(): ((properties?: IdentityProperties) => Promise<AwsCredentialIdentity>) & { memoized: true } {
  const resolve = async (properties?: IdentityProperties) => {
    const binding = properties?.[BINDING] as AccountBinding | undefined;
    if (!binding) throw new Error(OUTSIDE_BINDING);
    return binding.credentials();
  };
  return Object.assign(resolve, { memoized: true as const });
}

/**
 * A retry strategy that keeps one SDK strategy per binding, found by the token scope the retry
 * middleware passes (`partition_id`, plus `:longpoll` for long polls). Tokens remember their strategy.
 */
export function boundRetryStrategy(settings: Pick<ScanSettings, 'retry'>, bindingOf: (key: string) => AccountBinding | undefined): RetryStrategyV2 & { mode: string } {
  const { mode, maxAttempts } = settings.retry;
  const strategies = new WeakMap<RetryToken, RetryStrategyV2>();
  const own = (scope: string): RetryStrategyV2 => {
    const binding = bindingOf(scope.endsWith(LONG_POLL) ? scope.slice(0, -LONG_POLL.length) : scope);
    if (!binding) throw new Error(OUTSIDE_BINDING);
    binding.retry ??= mode === 'adaptive' ? new AdaptiveRetryStrategy(maxAttempts) : new StandardRetryStrategy(maxAttempts);
    return binding.retry;
  };
  const kept = (strategy: RetryStrategyV2, token: RetryToken): RetryToken => {
    strategies.set(token, strategy);
    return token;
  };
  const strategyOf = (token: RetryToken): RetryStrategyV2 => {
    const strategy = strategies.get(token);
    if (!strategy) throw new Error('a retry token this scan did not issue');
    return strategy;
  };
  return {
    mode,
    acquireInitialRetryToken: async (scope: string) => {
      const strategy = own(scope);
      return kept(strategy, await strategy.acquireInitialRetryToken(scope));
    },
    refreshRetryTokenForRetry: async (token: RetryToken, error: RetryErrorInfo) => {
      const strategy = strategyOf(token);
      return kept(strategy, await strategy.refreshRetryTokenForRetry(token, error));
    },
    recordSuccess: (token: RetryToken) => strategyOf(token).recordSuccess(token),
  };
}

interface AuthOption {
  propertiesExtractor?(config: object, context: object): { identityProperties?: object; signingProperties?: object } | undefined;
}

interface BindableConfig {
  accountIdEndpointMode?: unknown;
  credentials?: unknown;
  httpAuthSchemeProvider?: unknown;
  signer?: unknown;
  systemClockOffset?: number;
}

/** The SDK's signer signing as `credentials`: the SigV4 signer, or the one inside the multi-region wrapper (EventBridge, S3, STS). */
function withSession(signer: unknown, credentials: AwsCredentialIdentityProvider): unknown {
  const session = { credentialProvider: { value: credentials } };
  if (typeof (signer as { getSigningKey?: unknown }).getSigningKey === 'function') return Object.create(signer as object, session);
  const inner = (signer as { sigv4Signer?: unknown }).sigv4Signer;
  if (typeof (inner as { getSigningKey?: unknown } | undefined)?.getSigningKey === 'function') {
    return Object.create(signer as object, { sigv4Signer: { value: Object.create(inner as object, session) } });
  }
  throw new Error('this SDK build signs in a way partner-audit cannot bind to an account');
}

/** A client's configuration with its clock-skew correction written to the client's own, shared by every binding's view. */
const clockViews = new WeakMap<BindableConfig, object>();

function clockView(config: BindableConfig): object {
  let view = clockViews.get(config);
  if (!view) {
    view = Object.create(config, {
      systemClockOffset: {
        get: () => config.systemClockOffset,
        set: (offset: number) => (config.systemClockOffset = offset),
      },
    }) as object;
    clockViews.set(config, view);
  }
  return view;
}

/**
 * The client's configuration as its signer sees it for one binding: the same settings and clock,
 * and a SigV4 signer reading the binding's session. One per binding at work (thousands in a
 * scan), so everything but the signer is shared through `clockView`.
 */
function signingConfig(config: BindableConfig, binding: AccountBinding): object {
  const resolve = config.signer as (authScheme?: unknown) => Promise<unknown>;
  let base: unknown;
  let view: unknown;
  const signer = async (authScheme?: unknown) => {
    const built = await resolve(authScheme);
    if (built !== base) [base, view] = [built, withSession(built, binding.credentials)];
    return view;
  };
  return Object.create(clockView(config), { signer: { value: signer } }) as object;
}

/** Makes a shared client's auth scheme options carry each request's binding to its identity and its signer. */
export function bindAuthSchemes(config: BindableConfig, bindingOf: (context: object) => AccountBinding): void {
  const provider = config.httpAuthSchemeProvider as (parameters: unknown) => AuthOption[];
  config.httpAuthSchemeProvider = (parameters: unknown) =>
    provider(parameters).map((option) => ({
      ...option,
      propertiesExtractor: (cfg: object, context: object) => {
        const own = option.propertiesExtractor?.(cfg, context) ?? {};
        const binding = bindingOf(context);
        binding.signing ??= signingConfig(cfg as BindableConfig, binding);
        return {
          identityProperties: { ...own.identityProperties, [BINDING]: binding },
          signingProperties: { ...own.signingProperties, config: binding.signing },
        };
      },
    }));
}

function probe(accessKeyId: string): IdentityProperties {
  const identity: AwsCredentialIdentity = { accessKeyId, secretAccessKey: 'probe' };
  return { [BINDING]: { key: '', accountId: '', service: '', credentials: async () => identity, limit: (fn: () => Promise<unknown>) => fn() } };
}

/**
 * True when the client can be shared: it has the hooks above and resolves credentials per binding
 * (two bindings, two identities) rather than caching the first.
 */
export async function honoursBinding(config: BindableConfig): Promise<boolean> {
  const resolve = config.credentials;
  if (typeof resolve !== 'function' || typeof config.httpAuthSchemeProvider !== 'function' || typeof config.signer !== 'function') return false;
  // Account-ID endpoints (DynamoDB) read the credentials while resolving the endpoint, with no binding to pass.
  if (config.accountIdEndpointMode !== undefined) return false;
  try {
    const seen = [];
    for (const key of ['PROBEONE', 'PROBETWO']) seen.push(((await resolve(probe(key))) as AwsCredentialIdentity).accessKeyId);
    return seen[0] === 'PROBEONE' && seen[1] === 'PROBETWO';
  } catch {
    // A build whose provider cannot even be probed gets clients of its own, which report its errors.
    return false;
  }
}
