import type * as SdkSynthetics from '@aws-sdk/client-synthetics';
import { defineCollector } from '../../contract/collector.js';
import { syntheticsCanaries } from './datasets.js';
import { collectPages, olderClient, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { paginateDescribeCanaries, SyntheticsClient } = sdkModule<typeof SdkSynthetics>('@aws-sdk/client-synthetics');

const collectCanaries = defineCollector(syntheticsCanaries, async (ctx) => {
  const client = olderClient(ctx.clients, SyntheticsClient);
  const canaries = await collectPages(paginateDescribeCanaries({ client }, {}), (page) => page.Canaries);
  return { canaries: canaries.map((c) => ({ name: required(c.Name, 'Canary.Name'), state: c.Status?.State })) };
});

export const COLLECTORS = [collectCanaries];
