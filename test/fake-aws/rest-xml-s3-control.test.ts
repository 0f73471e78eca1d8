// restXml through the real S3 Control client: GetPublicAccessBlock under /v20180820/, routed apart
// from S3 although both sign as `s3`, with the <ErrorResponse> envelope and S3's error codes.

import { GetPublicAccessBlockCommand, NoSuchPublicAccessBlockConfiguration, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { AwsCredentialIdentity } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { MGMT, PROD, wireScenario } from '../wire/fixtures.js';
import { assumeInto, sdkConfig, useFakeAws } from '../wire/harness.js';

const fake = useFakeAws(() => {
  const scenario = wireScenario();
  scenario.accounts[0]!.s3Control = { publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true } };
  scenario.faults = {
    throttle: [{ action: 's3:GetAccountPublicAccessBlock', count: 2, accountId: MGMT, region: 'eu-west-1' }],
    deny: [{ action: 's3:GetAccountPublicAccessBlock', accountId: PROD, region: 'eu-west-1' }],
  };
  return scenario;
});

/**
 * S3 Control's endpoint rules prefix the host with the account id (`111111111111.127.0.0.1`, not
 * a valid URL); `disableHostPrefix` does not stop it, the rules do it. An endpoint provider that
 * keeps the configured endpoint (AWS_ENDPOINT_URL) as it is does.
 */
function s3Control(region: string, credentials?: AwsCredentialIdentity): S3ControlClient {
  return new S3ControlClient({ ...sdkConfig(region, credentials), endpointProvider: ({ Endpoint }) => ({ url: new URL(Endpoint ?? '') }) });
}

describe('S3 Control (restXml)', () => {
  it('reads the account public access block, routed as S3 Control though it signs as s3', async () => {
    const out = await s3Control('us-east-1').send(new GetPublicAccessBlockCommand({ AccountId: MGMT }));
    expect(out.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake().stats().byAction['s3:GetAccountPublicAccessBlock']).toBeGreaterThan(0);
  });

  it('answers the modeled NoSuchPublicAccessBlockConfiguration (404) where none is set', async () => {
    const member = await assumeInto(PROD);
    const call = s3Control('us-east-1', member).send(new GetPublicAccessBlockCommand({ AccountId: PROD }));
    await expect(call).rejects.toBeInstanceOf(NoSuchPublicAccessBlockConfiguration);
    await expect(call).rejects.toMatchObject({ $metadata: { httpStatusCode: 404, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
  });

  it('retries SlowDown (503) to success', async () => {
    const out = await s3Control('eu-west-1').send(new GetPublicAccessBlockCommand({ AccountId: MGMT }));
    expect(out.$metadata.attempts).toBe(3);
  });

  it('answers AccessDenied (403) for a denied call and for another account id', async () => {
    const member = await assumeInto(PROD);
    await expect(s3Control('eu-west-1', member).send(new GetPublicAccessBlockCommand({ AccountId: PROD }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('s3:GetAccountPublicAccessBlock'),
      $metadata: { httpStatusCode: 403 },
    });
    await expect(s3Control('us-east-1', member).send(new GetPublicAccessBlockCommand({ AccountId: MGMT }))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('answers InvalidAccessKeyId (403) in an opt-in region the account has not enabled', async () => {
    await expect(s3Control('ap-east-1').send(new GetPublicAccessBlockCommand({ AccountId: MGMT }))).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
      $metadata: { httpStatusCode: 403 },
    });
  });
});
