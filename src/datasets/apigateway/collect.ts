import type * as SdkApiGateway from '@aws-sdk/client-api-gateway';
import type { RestApi as SdkRestApi } from '@aws-sdk/client-api-gateway';
import type * as SdkApigatewayv2 from '@aws-sdk/client-apigatewayv2';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { httpApis, restApis, type RestApi, type RestApiMethod } from './datasets.js';
import { collectPages, collectTokenPages, required } from '../sdk.js';
import { partitionOf } from '../eventbridge/samples/identity.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  APIGatewayClient,
  GetStagesCommand,
  paginateGetResources,
  paginateGetRestApis,
} = sdkModule<typeof SdkApiGateway>('@aws-sdk/client-api-gateway');
type APIGatewayClient = SdkApiGateway.APIGatewayClient;
const {
  ApiGatewayV2Client,
  GetApisCommand,
  GetRoutesCommand,
} = sdkModule<typeof SdkApigatewayv2>('@aws-sdk/client-apigatewayv2');

function apiArn(ctx: CollectContext, kind: 'restapis' | 'apis', id: string): string {
  return `arn:${partitionOf(ctx.region)}:apigateway:${ctx.region}::/${kind}/${id}`;
}

async function methodsOf(client: APIGatewayClient, restApiId: string): Promise<RestApiMethod[]> {
  const resources = await collectPages(paginateGetResources({ client }, { restApiId, embed: ['methods'] }), (page) => page.items);
  return resources.flatMap((resource) =>
    Object.entries(resource.resourceMethods ?? {}).map(([httpMethod, method]) => ({
      path: resource.path ?? '/',
      httpMethod,
      authorizationType: method.authorizationType ?? 'NONE',
      apiKeyRequired: method.apiKeyRequired === true,
    })),
  );
}

async function toRestApi(ctx: CollectContext, client: APIGatewayClient, api: SdkRestApi): Promise<RestApi> {
  const id = required(api.id, 'RestApi.id');
  const arn = apiArn(ctx, 'restapis', id);
  const stages = (await client.send(new GetStagesCommand({ restApiId: id }))).item ?? [];
  return {
    id,
    name: api.name,
    arn,
    endpointTypes: api.endpointConfiguration?.types ?? [],
    stages: stages.map((stage) => {
      const name = required(stage.stageName, 'Stage.stageName');
      return { name, arn: `${arn}/stages/${name}`, ...(stage.webAclArn && { webAclArn: stage.webAclArn }) };
    }),
    methods: await methodsOf(client, id),
  };
}

const collectRestApis = defineCollector(restApis, async (ctx) => {
  const client = ctx.clients.get(APIGatewayClient);
  const listed = await collectPages(paginateGetRestApis({ client }, {}), (page) => page.items);
  // Sequential: GetResources is limited to 5 requests every 2 seconds per account.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
  const apis: RestApi[] = [];
  for (const api of listed) apis.push(await toRestApi(ctx, client, api));
  return { apis };
});

const collectHttpApis = defineCollector(httpApis, async (ctx) => {
  const client = ctx.clients.get(ApiGatewayV2Client);
  const listed = await collectTokenPages((NextToken) => client.send(new GetApisCommand({ NextToken })), (page) => page.Items);
  // WebSocket APIs share the listing; only HTTP APIs have routes judged for authorization.
  const http = listed.filter((api) => api.ProtocolType === 'HTTP');
  const apis = await Promise.all(
    http.map(async (api) => {
      const id = required(api.ApiId, 'Api.ApiId');
      const routes = await collectTokenPages((NextToken) => client.send(new GetRoutesCommand({ ApiId: id, NextToken })), (page) => page.Items);
      return {
        id,
        name: api.Name,
        arn: apiArn(ctx, 'apis', id),
        routes: routes.map((route) => ({ routeKey: required(route.RouteKey, 'Route.RouteKey'), authorizationType: route.AuthorizationType ?? 'NONE' })),
      };
    }),
  );
  return { apis };
});

export const COLLECTORS = [collectRestApis, collectHttpApis];
