import type * as SdkS3Control from '@aws-sdk/client-s3-control';
import { defineCollector } from '../../contract/collector.js';
import { accountPublicAccessBlock, publicAccessBlockSettings } from './datasets.js';
import { isErrorNamed } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { GetPublicAccessBlockCommand, S3ControlClient } = sdkModule<typeof SdkS3Control>('@aws-sdk/client-s3-control');

const collectAccountPublicAccessBlock = defineCollector(accountPublicAccessBlock, async (ctx) => {
  try {
    const out = await ctx.clients.get(S3ControlClient).send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId }));
    return { configured: true, settings: publicAccessBlockSettings(out.PublicAccessBlockConfiguration) };
  } catch (err) {
    // The account never set one: every setting is off.
    if (isErrorNamed(err, 'NoSuchPublicAccessBlockConfiguration')) return { configured: false, settings: publicAccessBlockSettings() };
    throw err;
  }
});

export const COLLECTORS = [collectAccountPublicAccessBlock];
