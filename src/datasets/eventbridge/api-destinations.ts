// The API destinations collector (eventbridge.apiDestinations), apart from the routing collectors.

import type * as SdkEventbridge from '@aws-sdk/client-eventbridge';
import { defineCollector } from '../../contract/collector.js';
import { apiDestinations } from './datasets.js';
import { collectTokenPages, hostOf, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { EventBridgeClient, ListApiDestinationsCommand } = sdkModule<typeof SdkEventbridge>('@aws-sdk/client-eventbridge');

export const collectApiDestinations = defineCollector(apiDestinations, async (ctx) => {
  const client = ctx.clients.get(EventBridgeClient);
  // No paginator in client-eventbridge: NextToken by hand.
  const listed = await collectTokenPages((NextToken) => client.send(new ListApiDestinationsCommand({ NextToken, Limit: 100 })), (page) => page.ApiDestinations);
  return {
    destinations: listed.map((d) => ({
      name: required(d.Name, 'ApiDestination.Name'),
      arn: required(d.ApiDestinationArn, 'ApiDestination.ApiDestinationArn'),
      state: d.ApiDestinationState,
      endpointHost: hostOf(d.InvocationEndpoint),
    })),
  };
});
