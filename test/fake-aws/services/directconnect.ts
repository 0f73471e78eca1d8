// Direct Connect (awsJson 1.1, target OvertureService): the region's dedicated and hosted connections.

import { optionalNumber, paginate } from '../params.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface DirectConnectSpec {
  id: string;
  state?: 'ordering' | 'requested' | 'pending' | 'available' | 'down' | 'deleting' | 'deleted' | 'rejected';
  location?: string;
}

declare module '../scenario.js' {
  interface RegionSpec {
    directConnect?: DirectConnectSpec[];
  }
}

function describeConnections(ctx: HandlerContext): unknown {
  const { maxResults, nextToken } = ctx.input.json as { maxResults?: number; nextToken?: string };
  const all = ctx.regionSpec.directConnect ?? [];
  // Without maxResults every connection comes back at once.
  const page = paginate(all, nextToken, optionalNumber(maxResults) ?? Math.max(all.length, 1), 'DirectConnectClientException');
  return {
    connections: page.items.map((c) => ({
      ownerAccount: ctx.account.id,
      connectionId: c.id,
      connectionName: `dx-${c.id}`,
      connectionState: c.state ?? 'available',
      region: ctx.region,
      location: c.location ?? 'EqDC2',
      bandwidth: '1Gbps',
    })),
    nextToken: page.nextToken,
  };
}

export const directConnect = defineService({
  signingName: 'directconnect',
  actionPrefix: 'directconnect',
  protocol: awsJson('OvertureService'),
  operations: { DescribeConnections: describeConnections },
});
