import type * as SdkDirectConnect from '@aws-sdk/client-direct-connect';
import { defineCollector } from '../../contract/collector.js';
import { collectTokenPages, required } from '../sdk.js';
import { directConnectConnections } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { DescribeConnectionsCommand, DirectConnectClient } = sdkModule<typeof SdkDirectConnect>('@aws-sdk/client-direct-connect');

const collectConnections = defineCollector(directConnectConnections, async (ctx) => {
  const client = ctx.clients.get(DirectConnectClient);
  // The client has no paginator; DescribeConnections pages with nextToken when maxResults is set.
  const connections = await collectTokenPages(
    async (nextToken) => {
      const out = await client.send(new DescribeConnectionsCommand({ maxResults: 100, nextToken }));
      return { ...out, NextToken: out.nextToken };
    },
    (page) => page.connections,
  );
  return {
    connections: connections.map((c) => ({
      connectionId: required(c.connectionId, 'connectionId'),
      name: c.connectionName,
      state: required(c.connectionState, 'connectionState'),
      location: c.location,
      bandwidth: c.bandwidth,
      lagId: c.lagId,
    })),
  };
});

export const COLLECTORS = [collectConnections];
