// Credential failures said as what to do next: an unknown profile is refused before any lookup, and
// the SDK's "no credentials" and "SSO session expired" errors name the command that fixes them.

import { loadSharedConfigFiles } from '@smithy/core/config';
import { UsageError } from '../errors.js';
import { errorCode } from './errors.js';

function sharedFilePaths(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  return { config: env.AWS_CONFIG_FILE ?? '~/.aws/config', credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials' };
}

/**
 * A profile named with --profile (or the config file's `profile:`) that neither shared file
 * defines: without this check the SDK would fall through to instance or container credentials,
 * another identity, or end in "Could not load credentials from any providers".
 */
export async function assertProfileKnown(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!profile) return;
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  if (profile in configFile || profile in credentialsFile) return;
  const paths = sharedFilePaths(env);
  throw new UsageError(`profile "${profile}" is not in ${paths.config} or ${paths.credentials}`);
}

const SSO_SESSION_PROBLEM = /\bSSO\b.*(session|token)|Token is expired/i;
const NO_CREDENTIALS = /Could not load credentials from any providers/;
const EXPIRED_CREDENTIALS = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);

/** What to do about a failure to obtain or use the base credentials, or undefined when it is another failure. */
export function credentialFix(error: unknown, profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const named = profile ?? env.AWS_PROFILE;
  const login = `aws sso login${named ? ` --profile ${named}` : ''}`;
  if (SSO_SESSION_PROBLEM.test(message)) {
    return `the AWS SSO session${named ? ` of profile "${named}"` : ''} has expired or was never started: run \`${login}\` and try again`;
  }
  if (NO_CREDENTIALS.test(message)) {
    const paths = sharedFilePaths(env);
    return (
      `no AWS credentials found: name a profile from ${paths.config} with --profile <name> (for an SSO profile, ` +
      'run `aws sso login --profile <name>` first), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY'
    );
  }
  if (EXPIRED_CREDENTIALS.has(errorCode(error))) {
    return `the AWS credentials have expired: refresh them (\`${login}\` for an SSO profile) and try again`;
  }
  return undefined;
}
