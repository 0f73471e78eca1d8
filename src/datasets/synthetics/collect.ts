import { paginateDescribeCanaries, SyntheticsClient } from '@aws-sdk/client-synthetics';
import { defineCollector } from '../../contract/collector.js';
import { syntheticsCanaries } from './datasets.js';
import { collectPages, olderClient, required } from '../sdk.js';

const collectCanaries = defineCollector(syntheticsCanaries, async (ctx) => {
  const client = olderClient(ctx.clients, SyntheticsClient);
  const canaries = await collectPages(paginateDescribeCanaries({ client }, {}), (page) => page.Canaries);
  return { canaries: canaries.map((c) => ({ name: required(c.Name, 'Canary.Name'), state: c.Status?.State })) };
});

export const COLLECTORS = [collectCanaries];
