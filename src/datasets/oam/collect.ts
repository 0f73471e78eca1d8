import type * as SdkOam from '@aws-sdk/client-oam';
import { defineCollector } from '../../contract/collector.js';
import { oamLinks } from './datasets.js';
import { collectPages, isServiceAbsentFromRegion, olderClient, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { OAMClient, paginateListLinks, paginateListSinks } = sdkModule<typeof SdkOam>('@aws-sdk/client-oam');

const collectLinks = defineCollector(oamLinks, async (ctx) => {
  const client = olderClient(ctx.clients, OAMClient);
  try {
    const [links, sinks] = await Promise.all([
      collectPages(paginateListLinks({ client }, {}), (page) => page.Items),
      collectPages(paginateListSinks({ client }, {}), (page) => page.Items),
    ]);
    return {
      available: true,
      links: links.map((link) => ({ arn: required(link.Arn, 'Link.Arn'), label: link.Label, sinkArn: required(link.SinkArn, 'Link.SinkArn'), resourceTypes: link.ResourceTypes ?? [] })),
      sinks: sinks.map((sink) => ({ arn: required(sink.Arn, 'Sink.Arn'), name: sink.Name })),
    };
  } catch (err) {
    if (isServiceAbsentFromRegion(err)) return { available: false, links: [], sinks: [] };
    throw err;
  }
});

export const COLLECTORS = [collectLinks];
