import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  NoSuchBucket,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, NoSuchPublicAccessBlockConfiguration, S3ControlClient } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { s3Buckets } from '../../src/datasets/s3/datasets.js';
import { collect, testContext } from './context.js';

const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);

/** S3 names its unmodeled errors after the XML <Code>. */
function s3Error(name: string): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', message: name, $metadata: { httpStatusCode: 404 } });
}

const SECURE_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'], Condition: { Bool: { 'aws:SecureTransport': false } } }],
};

function accountBlocks(all: boolean): void {
  if (all) {
    s3control.on(GetAccountPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    });
  } else {
    s3control.on(GetAccountPublicAccessBlockCommand).rejects(new NoSuchPublicAccessBlockConfiguration({ message: 'none', $metadata: {} }));
  }
}

describe('s3.buckets', () => {
  beforeEach(() => {
    s3.reset();
    s3control.reset();
  });

  it('reads only the policy of each bucket, in its region, when the account blocks all public access', async () => {
    accountBlocks(true);
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'site', BucketRegion: 'eu-west-1' }, { Name: 'logs', BucketRegion: 'us-east-1' }] });
    s3.on(GetBucketPolicyCommand, { Bucket: 'site' }).resolves({ Policy: JSON.stringify(SECURE_POLICY) });
    s3.on(GetBucketPolicyCommand, { Bucket: 'logs' }).rejects(s3Error('NoSuchBucketPolicy'));
    const data = await collect(s3Buckets, testContext());
    expect(data.buckets).toEqual([
      {
        name: 'site',
        arn: 'arn:aws:s3:::site',
        region: 'eu-west-1',
        policy: {
          statements: [
            {
              sid: undefined,
              effect: 'Deny',
              principal: '*',
              action: ['s3:*'],
              notAction: undefined,
              resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'],
              notResource: undefined,
              condition: { Bool: { 'aws:SecureTransport': ['false'] } },
            },
          ],
        },
      },
      { name: 'logs', arn: 'arn:aws:s3:::logs', region: 'us-east-1' },
    ]);
    const regions = await Promise.all(s3.commandCalls(GetBucketPolicyCommand).map((call) => call.thisValue.config.region()));
    expect(regions.sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(s3.commandCalls(GetBucketPolicyStatusCommand)).toHaveLength(0);
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(0);
  });

  it('reads the bucket settings, policy status and public ACL grants when the account leaves a setting off', async () => {
    accountBlocks(false);
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'site', BucketRegion: 'eu-west-1' }, { Name: 'ignored', BucketRegion: 'eu-west-1' }] });
    s3.on(GetBucketPolicyCommand, { Bucket: 'site' }).resolves({ Policy: JSON.stringify(SECURE_POLICY) });
    s3.on(GetBucketPolicyCommand, { Bucket: 'ignored' }).rejects(s3Error('NoSuchBucketPolicy'));
    s3.on(GetPublicAccessBlockCommand, { Bucket: 'site' }).rejects(s3Error('NoSuchPublicAccessBlockConfiguration'));
    s3.on(GetPublicAccessBlockCommand, { Bucket: 'ignored' }).resolves({ PublicAccessBlockConfiguration: { IgnorePublicAcls: true } });
    s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: true } });
    s3.on(GetBucketAclCommand).resolves({
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
      ],
    });
    const [site, ignored] = (await collect(s3Buckets, testContext())).buckets;
    expect(site!.publicAccess).toEqual({ policyIsPublic: true, publicAclGrants: ['AllUsers:READ'] });
    expect(ignored!.publicAccess).toEqual({ block: { blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false } });
    expect(s3.commandCalls(GetBucketPolicyStatusCommand)).toHaveLength(1);
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(1);
  });

  it('asks GetBucketLocation when ListBuckets names no region, and skips a bucket deleted meanwhile', async () => {
    accountBlocks(true);
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'old-eu' }, { Name: 'old-us' }, { Name: 'gone', BucketRegion: 'us-east-1' }] });
    s3.on(GetBucketLocationCommand, { Bucket: 'old-eu' }).resolves({ LocationConstraint: 'EU' });
    s3.on(GetBucketLocationCommand, { Bucket: 'old-us' }).resolves({});
    s3.on(GetBucketPolicyCommand).rejects(s3Error('NoSuchBucketPolicy'));
    s3.on(GetBucketPolicyCommand, { Bucket: 'gone' }).rejects(new NoSuchBucket({ message: 'gone', $metadata: {} }));
    const data = await collect(s3Buckets, testContext());
    expect(data.buckets.map((b) => [b.name, b.region])).toEqual([
      ['old-eu', 'eu-west-1'],
      ['old-us', 'us-east-1'],
    ]);
  });

  it('lets AccessDenied on a bucket propagate', async () => {
    accountBlocks(true);
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'site', BucketRegion: 'eu-west-1' }] });
    s3.on(GetBucketPolicyCommand).rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'denied', $metadata: { httpStatusCode: 403 } }));
    await expect(collect(s3Buckets, testContext())).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
