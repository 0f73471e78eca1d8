// restXml through the real S3 client (path-style against the plain endpoint, as the scanner
// configures it): ListBuckets, the bucket reads, S3's bare <Error> documents, the redirect to a
// bucket's region, SlowDown retries.

import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  NoSuchBucket,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { PROD, wireScenario } from '../wire/fixtures.js';
import { assumeInto, sdkConfig, useFakeAws } from '../wire/harness.js';

const fake = useFakeAws(() => {
  const scenario = wireScenario();
  scenario.accounts[0]!.s3 = {
    buckets: [
      {
        name: 'public-site',
        region: 'eu-west-1',
        created: '2024-03-01T00:00:00Z',
        policy: { isPublic: true },
        publicAcl: [{ group: 'AllUsers', permission: 'READ' }],
        publicAccessBlock: { blockPublicPolicy: true },
      },
      { name: 'private-logs', policy: { isPublic: false } },
      { name: 'no-policy' },
    ],
  };
  scenario.faults = {
    throttle: [{ action: 's3:GetBucketPolicyStatus', count: 2, region: 'eu-west-1' }],
    deny: [{ action: 's3:ListAllMyBuckets', accountId: PROD, region: 'eu-west-1', by: 'scp' }],
  };
  return scenario;
});

function s3(region = 'us-east-1', credentials?: AwsCredentialIdentity): S3Client {
  return new S3Client({ ...sdkConfig(region, credentials), forcePathStyle: true });
}

describe('S3 (restXml)', () => {
  it('lists the buckets, with dates, regions and a request id', async () => {
    const out = await s3().send(new ListBucketsCommand({}));
    expect(out.Buckets!.map((b) => [b.Name, b.BucketRegion])).toEqual([
      ['public-site', 'eu-west-1'],
      ['private-logs', 'us-east-1'],
      ['no-policy', 'us-east-1'],
    ]);
    expect(out.Buckets![0]!.CreationDate).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(out.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads a bucket policy status, and NoSuchBucketPolicy (404) when the bucket has no policy', async () => {
    const client = s3();
    expect((await client.send(new GetBucketPolicyStatusCommand({ Bucket: 'private-logs' }))).PolicyStatus).toEqual({ IsPublic: false });
    await expect(client.send(new GetBucketPolicyStatusCommand({ Bucket: 'no-policy' }))).rejects.toMatchObject({
      name: 'NoSuchBucketPolicy',
      message: 'The bucket policy does not exist',
      $metadata: { httpStatusCode: 404, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
  });

  it('reads a policy as JSON, the public ACL grants, the bucket\'s Block Public Access and its location', async () => {
    const client = s3('eu-west-1');
    const policy = JSON.parse((await client.send(new GetBucketPolicyCommand({ Bucket: 'public-site' }))).Policy!);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' });
    const acl = await client.send(new GetBucketAclCommand({ Bucket: 'public-site' }));
    expect(acl.Grants!.map((g) => [g.Grantee?.URI, g.Permission])).toEqual([
      [undefined, 'FULL_CONTROL'],
      ['http://acs.amazonaws.com/groups/global/AllUsers', 'READ'],
    ]);
    expect((await client.send(new GetPublicAccessBlockCommand({ Bucket: 'public-site' }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: false,
      IgnorePublicAcls: false,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    });
    await expect(s3().send(new GetPublicAccessBlockCommand({ Bucket: 'private-logs' }))).rejects.toMatchObject({
      name: 'NoSuchPublicAccessBlockConfiguration',
      $metadata: { httpStatusCode: 404 },
    });
    expect((await s3().send(new GetBucketLocationCommand({ Bucket: 'public-site' }))).LocationConstraint).toBe('eu-west-1');
    expect((await s3().send(new GetBucketLocationCommand({ Bucket: 'no-policy' }))).LocationConstraint).toBeUndefined();
  });

  it('redirects a bucket call signed for another region (301 with x-amz-bucket-region)', async () => {
    const call = s3('us-east-1').send(new GetBucketPolicyCommand({ Bucket: 'public-site' }));
    await expect(call).rejects.toMatchObject({ name: 'PermanentRedirect', $metadata: { httpStatusCode: 301 } });
    const err = (await call.catch((e: unknown) => e)) as { $response?: { headers: Record<string, string> } };
    expect(err.$response?.headers['x-amz-bucket-region']).toBe('eu-west-1');
  });

  it('answers the modeled NoSuchBucket for an unknown bucket', async () => {
    await expect(s3().send(new GetBucketPolicyStatusCommand({ Bucket: 'elsewhere' }))).rejects.toBeInstanceOf(NoSuchBucket);
  });

  it('retries SlowDown (503) to success', async () => {
    const before = fake().stats().errors.SlowDown ?? 0;
    const out = await s3('eu-west-1').send(new GetBucketPolicyStatusCommand({ Bucket: 'public-site' }));
    expect(out.PolicyStatus).toEqual({ IsPublic: true });
    expect(out.$metadata.attempts).toBe(3);
    expect(fake().stats().errors.SlowDown! - before).toBe(2);
  });

  it('answers AccessDenied (403) where an SCP denies the call, and no buckets for an account without any', async () => {
    const member = await assumeInto(PROD);
    await expect(s3('eu-west-1', member).send(new ListBucketsCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('with an explicit deny in a service control policy'),
      $metadata: { httpStatusCode: 403 },
    });
    expect((await s3('us-east-1', member).send(new ListBucketsCommand({}))).Buckets).toEqual([]);
  });

  it('answers an operation it does not serve in S3 XML, counted as unroutable', async () => {
    await expect(s3().send(new GetBucketVersioningCommand({ Bucket: 'public-site' }))).rejects.toMatchObject({ name: 'UnknownOperationException' });
    expect(fake().stats().byAction['s3:Unroutable']).toBeGreaterThan(0);
  });
});
