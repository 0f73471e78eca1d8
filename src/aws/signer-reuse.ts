// Two per-request costs of SigV4 signing that a scan of many accounts pays in full:
// - the SDK builds a new signer for every request, copying the whole client configuration into it;
// - it derives the signing key (five HMACs) again whenever its one module-wide cache of 50 keys
//   has moved on, and a scan signs for accounts × regions × services, far more than 50.
// A shared client keeps the first signer the SDK built: every later one would be the same, since
// the SDK fixes the client's signing region and name on the first request and the request passes
// them to `sign` anyway. Its keys are kept per credentials object (so they go with the session),
// by access key, date, region and service: the four things a SigV4 key is derived from.

import type { AwsCredentialIdentity } from '@smithy/types';

type SigningKey = (credentials: AwsCredentialIdentity, region: string, shortDate: string, service?: string) => Promise<Uint8Array>;
type SignerProvider = (authScheme?: unknown) => Promise<unknown>;

/** Makes a client reuse its first signer, with signing keys kept per session. No-op for a build without `config.signer`. */
export function reuseSigner(config: { signer?: unknown }): void {
  const resolve = config.signer;
  if (typeof resolve !== 'function') return;
  let signer: Promise<unknown> | undefined;
  config.signer = ((authScheme?: unknown) =>
    (signer ??= (resolve as SignerProvider)(authScheme).then(withKeysPerSession, (error: unknown) => {
      signer = undefined;
      throw error;
    }))) satisfies SignerProvider;
}

const keysBySession = new WeakMap<AwsCredentialIdentity, Map<string, Promise<Uint8Array>>>();

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
    let keys = keysBySession.get(credentials);
    if (!keys) keysBySession.set(credentials, (keys = new Map()));
    // As the SDK does: a request that names no service signs for the signer's own.
    const scope = `${credentials.accessKeyId}/${shortDate}/${region}/${service || target.service}`;
    let key = keys.get(scope);
    if (!key) {
      key = derive.call(this, credentials, region, shortDate, service);
      keys.set(scope, key);
      key.catch(() => keys.delete(scope));
    }
    return key;
  };
  return signer;
}
