// Starts the fake AWS for a test file and points the SDK at it through AWS_ENDPOINT_URL, the
// standard setting a user would use for any AWS emulator.

import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll } from 'vitest';
import { startFakeAws, type FakeAws, type Scenario } from '../fake-aws/index.js';
import { EXTERNAL_ID } from './fixtures.js';

export const BASE_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: 'AKIAWIRETESTBASE0001',
  secretAccessKey: 'wire-test-base-secret-key-000000000000000',
};

/** Registers beforeAll/afterAll hooks; the returned getter is valid inside tests. */
export function useFakeAws(scenario: () => Scenario): () => FakeAws {
  let fake: FakeAws | undefined;
  beforeAll(async () => {
    fake = await startFakeAws(scenario());
    process.env.AWS_ENDPOINT_URL = fake.endpoint;
    process.env.AWS_ACCESS_KEY_ID = BASE_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = BASE_CREDENTIALS.secretAccessKey;
    process.env.AWS_REGION = 'us-east-1';
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
  });
  afterAll(async () => {
    await fake?.stop();
    delete process.env.AWS_ENDPOINT_URL;
  });
  return () => {
    if (!fake) throw new Error('fake AWS not started');
    return fake;
  };
}

/** Client config for a region, with base credentials unless others are given. */
export function sdkConfig(region: string, credentials: AwsCredentialIdentity = BASE_CREDENTIALS) {
  return { region, credentials, maxAttempts: 5 };
}

export async function assumeInto(accountId: string): Promise<AwsCredentialIdentity> {
  const sts = new STSClient(sdkConfig('us-east-1'));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/PartnerAuditReadOnly`,
      RoleSessionName: 'wire-test',
      ExternalId: EXTERNAL_ID,
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
}
