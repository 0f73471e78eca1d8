import type * as SdkAppsync from '@aws-sdk/client-appsync';
import { defineCollector } from '../../contract/collector.js';
import { graphqlApis } from './datasets.js';
import { collectPages, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { AppSyncClient, paginateListGraphqlApis } = sdkModule<typeof SdkAppsync>('@aws-sdk/client-appsync');

const collectGraphqlApis = defineCollector(graphqlApis, async (ctx) => {
  const client = ctx.clients.get(AppSyncClient);
  const apis = await collectPages(paginateListGraphqlApis({ client }, {}), (page) => page.graphqlApis);
  return {
    apis: apis.map((api) => ({
      apiId: required(api.apiId, 'GraphqlApi.apiId'),
      name: api.name,
      arn: required(api.arn, 'GraphqlApi.arn'),
      authenticationTypes: [api.authenticationType, ...(api.additionalAuthenticationProviders ?? []).map((p) => p.authenticationType)].flatMap(
        (type) => (type ? [type] : []),
      ),
      // GLOBAL unless created PRIVATE. https://docs.aws.amazon.com/appsync/latest/APIReference/API_GraphqlApi.html
      visibility: api.visibility ?? 'GLOBAL',
      webAclArn: api.wafWebAclArn || undefined,
    })),
  };
});

export const COLLECTORS = [collectGraphqlApis];
