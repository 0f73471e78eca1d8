import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, test } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import { AccountAccessError, connectAws, refreshingProvider, roleSessionName } from '../../src/aws/credentials.js';
import { RuntimeError } from '../../src/errors.js';
import { fakeHttp } from './fake-http.js';

const sts = mockClient(STSClient);
afterEach(() => sts.reset());

const CALLER = '999999999999';
const BASE = { accessKeyId: 'AKIABASEEXAMPLE00000', secretAccessKey: 'base-secret' };

function pool() {
  return createClientPool({
    settings: {
      concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: 4, perService: 2 },
      retry: { mode: 'standard', maxAttempts: 2 },
      timeouts: { connectMs: 100, requestMs: 100 },
    },
    requestHandler: fakeHttp(() => ({ status: 500 })),
  });
}

const settings = { roleName: 'PartnerAuditReadOnly', externalId: 'ext-123', runId: '20261123T120000Z-ab12' };

function session(expiresInMs: number) {
  return {
    Credentials: {
      AccessKeyId: 'ASIAASSUMEDEXAMPLE00',
      SecretAccessKey: 'assumed-secret',
      SessionToken: 'assumed-token',
      Expiration: new Date(Date.now() + expiresInMs),
    },
  };
}

describe('connectAws', () => {
  test('identifies the caller and uses the base credentials for its own account', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: CALLER, Arn: `arn:aws:iam::${CALLER}:user/auditor` });
    const base = async () => BASE;
    const access = await connectAws({ settings, pool: pool(), baseCredentials: base, stsRegion: 'eu-west-1' });
    expect(access.caller).toEqual({ accountId: CALLER, arn: `arn:aws:iam::${CALLER}:user/auditor` });
    expect(await access.credentialsFor(CALLER)).toBe(base);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  test('forgets a released account’s session: asked again, it assumes the role again', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: CALLER, Arn: `arn:aws:iam::${CALLER}:user/auditor` });
    sts.on(AssumeRoleCommand).resolves(session(3_600_000));
    const access = await connectAws({ settings, pool: pool(), baseCredentials: async () => BASE });
    const first = await access.credentialsFor('111111111111');
    access.release('111111111111');
    expect(await access.credentialsFor('111111111111')).not.toBe(first);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  test('assumes the role once per account, eagerly, with ExternalId, a run session name and one hour', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: CALLER, Arn: `arn:aws-us-gov:sts::${CALLER}:assumed-role/Ops/me` });
    sts.on(AssumeRoleCommand).resolves(session(3_600_000));
    const access = await connectAws({ settings, pool: pool(), baseCredentials: async () => BASE });
    const [a, b] = await Promise.all([access.credentialsFor('111111111111'), access.credentialsFor('111111111111')]);
    expect(a).toBe(b);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toEqual({
      RoleArn: 'arn:aws-us-gov:iam::111111111111:role/PartnerAuditReadOnly',
      RoleSessionName: 'partner-audit-20261123T120000Z-ab12',
      DurationSeconds: 3600,
      ExternalId: 'ext-123',
    });
    const creds = await a();
    expect(creds).toMatchObject({ accessKeyId: 'ASIAASSUMEDEXAMPLE00', sessionToken: 'assumed-token' });
    await a();
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
  });

  test('a refused AssumeRole rejects that account only, with the reason and no credentials', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: CALLER, Arn: `arn:aws:iam::${CALLER}:user/auditor` });
    sts.on(AssumeRoleCommand, { RoleArn: 'arn:aws:iam::222222222222:role/PartnerAuditReadOnly' }).rejects(
      Object.assign(new Error('User: arn:aws:iam::999999999999:user/auditor is not authorized to perform: sts:AssumeRole'), {
        name: 'AccessDenied',
      }),
    );
    sts.on(AssumeRoleCommand, { RoleArn: 'arn:aws:iam::111111111111:role/PartnerAuditReadOnly' }).resolves(session(3_600_000));
    const access = await connectAws({ settings, pool: pool(), baseCredentials: async () => BASE });
    const denied = access.credentialsFor('222222222222');
    await expect(denied).rejects.toBeInstanceOf(AccountAccessError);
    await expect(denied).rejects.toThrow(/cannot assume arn:aws:iam::222222222222:role\/PartnerAuditReadOnly: AccessDenied: .*sts:AssumeRole/);
    await expect(denied).rejects.not.toThrow(/base-secret/);
    await expect(access.credentialsFor('111111111111')).resolves.toBeTypeOf('function');
  });

  test('an AssumeRole error never carries a secret key or session token', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: CALLER, Arn: `arn:aws:iam::${CALLER}:user/auditor` });
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = `FwoGZXIvYXdzE${'A'.repeat(120)}`;
    sts.on(AssumeRoleCommand).rejects(Object.assign(new Error(`bad request with ${secret} and ${token}`), { name: 'InvalidParameterValue' }));
    const access = await connectAws({ settings, pool: pool(), baseCredentials: async () => BASE });
    const err = await access.credentialsFor('111111111111').catch((e: Error) => e);
    expect(err).toBeInstanceOf(AccountAccessError);
    expect((err as Error).message).toContain('InvalidParameterValue: bad request with [redacted] and [redacted]');
    expect((err as Error).message).not.toContain(secret);
  });

  test('a caller that cannot be identified is a runtime error', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is invalid.'), { name: 'InvalidClientTokenId' }));
    await expect(connectAws({ settings, pool: pool(), baseCredentials: async () => BASE })).rejects.toBeInstanceOf(RuntimeError);
  });
});

describe('refreshingProvider', () => {
  test('renews a session within five minutes of expiry and shares one call between concurrent callers', async () => {
    let now = 0;
    let calls = 0;
    const provider = refreshingProvider(async () => {
      calls += 1;
      return { accessKeyId: `k${calls}`, secretAccessKey: 's', expiration: new Date(now + 3_600_000) };
    }, () => now);
    await Promise.all([provider(), provider(), provider()]);
    expect(calls).toBe(1);
    now = 3_600_000 - 6 * 60_000;
    expect((await provider()).accessKeyId).toBe('k1');
    now = 3_600_000 - 4 * 60_000;
    expect((await provider()).accessKeyId).toBe('k2');
  });
});

test('roleSessionName stays within STS limits', () => {
  const name = roleSessionName(`x/${'a'.repeat(80)}`);
  expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
  expect(name.startsWith('partner-audit-x-')).toBe(true);
});
