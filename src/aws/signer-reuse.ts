// Two per-request costs of SigV4 signing that a scan of many accounts pays in full:
// - the SDK builds a new signer for every request, copying the whole client configuration into it;
// - it derives the signing key (five HMACs) again whenever its one module-wide cache of 50 keys
//   has moved on, and a scan signs for accounts × regions × services, far more than 50.
// A shared client keeps the first signer the SDK built: every later one would be the same, since
// the SDK fixes the client's signing region and name on the first request and the request passes
// them to `sign` anyway. Keys are kept by session (the credentials object), date, region and
// service: what a SigV4 key is derived from.

import type { AwsCredentialIdentity } from '@smithy/types';

type SigningKey = (credentials: AwsCredentialIdentity, region: string, shortDate: string, service?: string) => Promise<Uint8Array>;
type SignerProvider = (authScheme?: unknown) => Promise<unknown>;

/**
 * Makes a client reuse its first signer, with signing keys kept per session in `keys`. No-op for a
 * build without `config.signer`. Signer and keys are kept as values once made.
 */
export function reuseSigner(config: { signer?: unknown }, keys: SigningKeys): void {
  const resolve = config.signer;
  if (typeof resolve !== 'function') return;
  let signer: unknown;
  let building: Promise<unknown> | undefined;
  config.signer = (async (authScheme?: unknown) => {
    if (signer) return signer;
    building ??= (resolve as SignerProvider)(authScheme).then(
      (built) => {
        signer = withKeysPerSession(built, keys);
        building = undefined;
        return signer;
      },
      (error: unknown) => {
        building = undefined;
        throw error;
      },
    );
    return building;
  }) satisfies SignerProvider;
}

const MAX_KEYS = 4096;

/**
 * Keys of the sessions in use, least recently used first, for the clients of one pool: they go
 * with the pool when the collection ends, rather than stay through the evaluation. Bounded, since
 * an account's session lives on after its scan: 4,096 keys hold most of what the accounts a scan
 * works on at once (32 by default) sign with, and take about 1.4 MB of heap whatever the
 * organization's size.
 */
export class SigningKeys {
  private readonly keys = new Map<string, Uint8Array>();
  /** Sessions by object, so a key is never shared between two credentials with the same key ID. */
  private readonly sessionIds = new WeakMap<AwsCredentialIdentity, number>();
  private nextSessionId = 0;

  /** What a key is derived from: the session (the credentials object), date, region and service. */
  scope(credentials: AwsCredentialIdentity, shortDate: string, region: string, service: string | undefined): string {
    let id = this.sessionIds.get(credentials);
    if (id === undefined) this.sessionIds.set(credentials, (id = this.nextSessionId++));
    return `${id}/${shortDate}/${region}/${service}`;
  }

  get(scope: string): Uint8Array | undefined {
    const key = this.keys.get(scope);
    if (key) this.keep(scope, key);
    return key;
  }

  keep(scope: string, key: Uint8Array): void {
    this.keys.delete(scope);
    this.keys.set(scope, key);
    if (this.keys.size > MAX_KEYS) this.keys.delete(this.keys.keys().next().value!);
  }
}

interface KeyDeriving {
  getSigningKey?: SigningKey;
  service?: string;
}

/** The SigV4 signer itself, or the one inside the multi-region wrapper (EventBridge, S3, STS). */
function sigv4Of(signer: unknown): KeyDeriving | undefined {
  const candidates = [signer, (signer as { sigv4Signer?: unknown }).sigv4Signer];
  return candidates.find((c): c is KeyDeriving => typeof (c as KeyDeriving | undefined)?.getSigningKey === 'function');
}

function withKeysPerSession(signer: unknown, keys: SigningKeys): unknown {
  // A signer of another shape (another SDK build) keeps the SDK's own caching.
  const target = sigv4Of(signer);
  if (!target) return signer;
  const derive = target.getSigningKey!;
  target.getSigningKey = function (credentials, region, shortDate, service) {
    // As the SDK does: a request that names no service signs for the signer's own.
    const scope = keys.scope(credentials, shortDate, region, service || target.service);
    const kept = keys.get(scope);
    if (kept) return Promise.resolve(kept);
    const derived = derive.call(this, credentials, region, shortDate, service);
    derived.then((key) => keys.keep(scope, key), () => undefined);
    return derived;
  };
  return signer;
}
