// Which account a request belongs to, so one SDK client per region and service can serve every
// account of a scan. Building a client and resolving its configuration costs about a millisecond
// of CPU and the SDK's caches (config, middleware, signer) start cold each time; a scan used to
// build one per account+region+service for about 1.5 requests each (issue 14).
//
// Each send runs inside `withBinding`; the shared client's credentials and retry strategy are
// thin providers that read the binding, so every request is signed with its own account's session
// and throttling in one account backs off only that account's retries (as one client per
// account did). Clients whose SDK build memoizes credentials regardless cannot be shared:
// `honoursBinding` finds out before a client is shared.

import { AdaptiveRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { ScanSettings } from '../contract/settings.js';
import { currentScope, withinScope } from './request-scope.js';

/** One account+region+service as seen by its requests: who signs, which caps apply, how it retries. */
export interface AccountBinding {
  accountId: string;
  service: string;
  credentials: AwsCredentialIdentityProvider;
  /** Runs one attempt within the per-service and global caps. */
  limit<T>(fn: () => Promise<T>): Promise<T>;
  /** This binding's own retry state (quota, adaptive rate), created on first use. */
  retry?: RetryStrategyV2;
}

export function withBinding<T>(binding: AccountBinding, fn: () => Promise<T>): Promise<T> {
  return withinScope({ binding }, fn);
}

/** The binding of the request in progress; a request outside any binding is a bug, never a guess. */
export function currentBinding(): AccountBinding {
  const binding = currentScope()?.binding;
  if (!binding) throw new Error('an AWS request was sent outside an account binding');
  return binding;
}

/**
 * Credentials that follow the binding. `memoized` tells the SDK not to cache them per client;
 * each binding's own provider caches and renews its session.
 */
export function boundCredentials(): AwsCredentialIdentityProvider & { memoized: true } {
  return Object.assign(async () => currentBinding().credentials(), { memoized: true as const });
}

/** A retry strategy that keeps one SDK strategy per binding, so one account's throttling drains only its own quota. */
export function boundRetryStrategy(settings: Pick<ScanSettings, 'retry'>): RetryStrategyV2 & { mode: string } {
  const { mode, maxAttempts } = settings.retry;
  const own = (): RetryStrategyV2 => {
    const binding = currentBinding();
    binding.retry ??= mode === 'adaptive' ? new AdaptiveRetryStrategy(maxAttempts) : new StandardRetryStrategy(maxAttempts);
    return binding.retry;
  };
  return {
    mode,
    acquireInitialRetryToken: (scope: string) => own().acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token: RetryToken, error: RetryErrorInfo) => own().refreshRetryTokenForRetry(token, error),
    recordSuccess: (token: RetryToken) => own().recordSuccess(token),
  };
}

function probe(accessKeyId: string): AccountBinding {
  const identity: AwsCredentialIdentity = { accessKeyId, secretAccessKey: 'probe' };
  return { accountId: '', service: '', credentials: async () => identity, limit: (fn) => fn() };
}

/** True when the client resolves credentials per binding (two bindings, two identities) rather than caching the first. */
export async function honoursBinding(config: { credentials?: unknown }): Promise<boolean> {
  const resolve = config.credentials;
  if (typeof resolve !== 'function') return false;
  try {
    const seen = [];
    for (const key of ['PROBEONE', 'PROBETWO']) {
      seen.push(((await withBinding(probe(key), () => resolve())) as AwsCredentialIdentity).accessKeyId);
    }
    return seen[0] === 'PROBEONE' && seen[1] === 'PROBETWO';
  } catch {
    // A build whose provider cannot even be probed gets clients of its own, which report its errors.
    return false;
  }
}
