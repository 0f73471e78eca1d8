// Who we are and how we reach each account. The caller's own account is scanned with the base
// credentials (SDK default chain); every other account through one assumed-role session, assumed
// eagerly so a refusal marks just that account, and refreshed before it expires.

import type * as SdkSts from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ScanSettings } from '../contract/settings.js';
import { RuntimeError } from '../errors.js';
import type { ClientPool } from './clients.js';
import { assertProfileKnown, credentialFix } from './credential-hints.js';
import { classifyError } from './errors.js';
import { sdkModule } from './sdk-module.js';

const { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } = sdkModule<typeof SdkSts>('@aws-sdk/client-sts');
type STSClient = SdkSts.STSClient;

/** Role chaining caps sessions at one hour; a longer request would be refused. */
export const SESSION_SECONDS = 3600;
/** Sessions are renewed when less than this remains. */
export const REFRESH_WINDOW_MS = 5 * 60_000;

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

export interface AwsAccessOptions {
  settings: Pick<ScanSettings, 'roleName' | 'externalId' | 'profile' | 'runId'>;
  pool: ClientPool;
  /** Defaults to the SDK's default chain (env, SSO, profile, web identity, container, instance). */
  baseCredentials?: AwsCredentialIdentityProvider;
  /** Region of the STS endpoint; defaults to AWS_REGION, AWS_DEFAULT_REGION, then us-east-1. */
  stsRegion?: string;
  now?: () => number;
}

export interface AwsAccess {
  readonly caller: CallerIdentity;
  readonly baseCredentials: AwsCredentialIdentityProvider;
  /** The home region used for STS and organization-level calls. */
  readonly stsRegion: string;
  /**
   * Credentials for one account, shared by all its clients: the base ones for the caller's
   * account, else an assumed-role session. Rejects with AccountAccessError when the role cannot
   * be assumed. Memoized per account.
   */
  credentialsFor(accountId: string): Promise<AwsCredentialIdentityProvider>;
  /** Forgets a finished account's session, so memory does not grow with the organization. */
  release(accountId: string): void;
}

/** The account could not be reached. The message is safe to show and store. */
export class AccountAccessError extends Error {
  override name = 'AccountAccessError';
}

/** `partner-audit-<runId>` within STS's limits: 2–64 characters of [\w+=,.@-]. */
export function roleSessionName(runId: string): string {
  return `partner-audit-${runId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

export function roleArn(callerArn: string, accountId: string, roleName: string): string {
  const partition = callerArn.split(':')[1] || 'aws';
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

function defaultStsRegion(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
}

/** Memoizes a session and renews it shortly before it expires; concurrent callers share one call. */
export function refreshingProvider(
  fetch: () => Promise<AwsCredentialIdentity>,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (c: AwsCredentialIdentity): boolean =>
    c.expiration === undefined || c.expiration.getTime() - now() > REFRESH_WINDOW_MS;
  return async () => {
    if (current && fresh(current)) return current;
    pending ??= fetch()
      .then((c) => (current = c))
      .finally(() => (pending = undefined));
    return pending;
  };
}

async function identifyCaller(sts: STSClient, profile: string | undefined): Promise<CallerIdentity> {
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn) throw new Error('GetCallerIdentity returned no account');
    return { accountId: out.Account, arn: out.Arn };
  } catch (err) {
    const fix = credentialFix(err, profile);
    if (fix) throw new RuntimeError(fix);
    const e = classifyError(err, 'sts:GetCallerIdentity');
    throw new RuntimeError(`cannot identify the caller (sts:GetCallerIdentity): ${e.code}: ${e.message}`);
  }
}

export async function connectAws(options: AwsAccessOptions): Promise<AwsAccess> {
  const { settings, pool } = options;
  const now = options.now ?? Date.now;
  const stsRegion = options.stsRegion ?? defaultStsRegion();
  if (!options.baseCredentials) await assertProfileKnown(settings.profile);
  const baseCredentials = options.baseCredentials ?? fromNodeProviderChain(settings.profile ? { profile: settings.profile } : {});
  const stsFor = (accountId: string): STSClient =>
    pool.factory({ accountId, region: stsRegion, credentials: baseCredentials }).get(STSClient);
  // Until we know who we are, the one GetCallerIdentity call is counted under an empty account.
  const caller = await identifyCaller(stsFor(''), settings.profile);
  const sts = stsFor(caller.accountId);
  const sessions = new Map<string, Promise<AwsCredentialIdentityProvider>>();

  const assume = async (accountId: string): Promise<AwsCredentialIdentity> => {
    const arn = roleArn(caller.arn, accountId, settings.roleName);
    try {
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: arn,
          RoleSessionName: roleSessionName(settings.runId),
          DurationSeconds: SESSION_SECONDS,
          ...(settings.externalId ? { ExternalId: settings.externalId } : {}),
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('AssumeRole returned no credentials');
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration, accountId };
    } catch (err) {
      const e = classifyError(err, 'sts:AssumeRole');
      throw new AccountAccessError(`cannot assume ${arn}: ${e.code}: ${e.message}`);
    }
  };

  const open = async (accountId: string): Promise<AwsCredentialIdentityProvider> => {
    if (accountId === caller.accountId) return baseCredentials;
    const provider = refreshingProvider(() => assume(accountId), now);
    await provider();
    return provider;
  };

  return {
    caller,
    baseCredentials,
    stsRegion,
    credentialsFor: (accountId) => {
      let session = sessions.get(accountId);
      if (!session) sessions.set(accountId, (session = open(accountId)));
      return session;
    },
    release: (accountId) => void sessions.delete(accountId),
  };
}
