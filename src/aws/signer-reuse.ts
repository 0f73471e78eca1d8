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
 * Makes a client reuse its first signer, with signing keys kept per session. No-op for a build
 * without `config.signer`. Signer and keys are kept as values once made.
 */
export function reuseSigner(config: { signer?: unknown }): void {
  const resolve = config.signer;
  if (typeof resolve !== 'function') return;
  let signer: unknown;
  let building: Promise<unknown> | undefined;
  config.signer = (async (authScheme?: unknown) => {
    if (signer) return signer;
    building ??= (resolve as SignerProvider)(authScheme).then(
      (built) => {
        signer = withKeysPerSession(built);
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

/**
 * Keys of the sessions in use, least recently used first. Bounded, since an account's session
 * lives on after its scan: 4,096 keys hold most of what the accounts a scan works on at once (32 by
 * default) sign with, and take about 1.4 MB of heap whatever the organization's size.
 */
const MAX_KEYS = 4096;
const keys = new Map<string, Uint8Array>();
/** Sessions by object, so a key is never shared between two credentials with the same key ID. */
const sessionIds = new WeakMap<AwsCredentialIdentity, number>();
let nextSessionId = 0;

function sessionId(credentials: AwsCredentialIdentity): number {
  let id = sessionIds.get(credentials);
  if (id === undefined) sessionIds.set(credentials, (id = nextSessionId++));
  return id;
}

function keep(scope: string, key: Uint8Array): void {
  keys.delete(scope);
  keys.set(scope, key);
  if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value!);
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

function withKeysPerSession(signer: unknown): unknown {
  // A signer of another shape (another SDK build) keeps the SDK's own caching.
  const target = sigv4Of(signer);
  if (!target) return signer;
  const derive = target.getSigningKey!;
  target.getSigningKey = function (credentials, region, shortDate, service) {
    // As the SDK does: a request that names no service signs for the signer's own.
    const scope = `${sessionId(credentials)}/${shortDate}/${region}/${service || target.service}`;
    const kept = keys.get(scope);
    if (kept) {
      keep(scope, kept);
      return Promise.resolve(kept);
    }
    const derived = derive.call(this, credentials, region, shortDate, service);
    derived.then((key) => keep(scope, key), () => undefined);
    return derived;
  };
  return signer;
}
