import { GetPublicAccessBlockCommand, NoSuchPublicAccessBlockConfiguration, S3ControlClient, S3ControlServiceException } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountPublicAccessBlock } from '../../src/datasets/s3control/datasets.js';
import { ACCOUNT_ID, collect, testContext } from './context.js';

const s3control = mockClient(S3ControlClient);

describe('s3control.publicAccessBlock', () => {
  beforeEach(() => s3control.reset());

  it('reads the account settings, asking for the scanned account', async () => {
    s3control.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true },
    });
    expect(await collect(accountPublicAccessBlock, testContext())).toEqual({
      configured: true,
      settings: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false },
    });
    expect(s3control.commandCalls(GetPublicAccessBlockCommand)[0]!.args[0].input).toEqual({ AccountId: ACCOUNT_ID });
  });

  it('reads NoSuchPublicAccessBlockConfiguration as every setting off', async () => {
    s3control.on(GetPublicAccessBlockCommand).rejects(new NoSuchPublicAccessBlockConfiguration({ message: 'none', $metadata: {} }));
    expect(await collect(accountPublicAccessBlock, testContext())).toEqual({
      configured: false,
      settings: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
    });
  });

  it('lets AccessDenied propagate', async () => {
    s3control.on(GetPublicAccessBlockCommand).rejects(new S3ControlServiceException({ name: 'AccessDenied', $fault: 'client', message: 'denied', $metadata: {} }));
    await expect(collect(accountPublicAccessBlock, testContext())).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
