// Who is calling: the SigV4 credential scope names the access key, region and service. Keys the
// fake STS issued encode their account (`ASIA` + account id + random); any other key is the
// management account's base credentials.

import { randomBytes } from 'node:crypto';
import type { Scenario } from './scenario.js';
import type { ServerState } from './state.js';

export interface SigV4Scope {
  accessKeyId: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export function parseAuthorization(value: string | undefined): SigV4Scope | undefined {
  const found = value ? SCOPE.exec(value) : null;
  if (!found) return undefined;
  return { accessKeyId: found[1] ?? '', region: found[2] ?? '', service: found[3] ?? '' };
}

export interface Caller {
  accountId: string;
  arn: string;
}

export function callerOf(accessKeyId: string, scenario: Scenario, state: ServerState): Caller {
  const session = state.sessions.get(accessKeyId);
  if (session) return session;
  const encoded = /^ASIA(\d{12})/.exec(accessKeyId);
  if (encoded?.[1]) return { accountId: encoded[1], arn: `arn:aws:sts::${encoded[1]}:assumed-role/unknown/unknown` };
  const user = scenario.callerUserName ?? 'auditor';
  return { accountId: scenario.managementAccountId, arn: `arn:aws:iam::${scenario.managementAccountId}:user/${user}` };
}

export function issueAccessKeyId(accountId: string): string {
  return `ASIA${accountId}${randomBytes(3).toString('hex').toUpperCase()}`;
}

export function randomSecret(length: number): string {
  return randomBytes(length).toString('base64').slice(0, length);
}
