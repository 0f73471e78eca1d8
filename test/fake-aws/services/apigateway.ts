// Amazon API Gateway REST APIs (restJson 1): APIs, their stages and resources with methods. Lists
// come under `item`, paged with position/limit. HTTP APIs (v2, apigatewayv2.ts) share the
// signing name and the scenario slice.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface RestApiSpec {
  name: string;
  /** Default REGIONAL. */
  endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  stages?: { name: string; webAclArn?: string }[];
  /** Authorization defaults to NONE. */
  methods?: { path: string; method: string; authorization?: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' }[];
}

export interface HttpApiSpec {
  name: string;
  protocol?: 'HTTP' | 'WEBSOCKET';
  /** Authorization defaults to NONE. */
  routes?: { routeKey: string; authorization?: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'JWT' }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    apiGateway?: { restApis?: RestApiSpec[]; httpApis?: HttpApiSpec[] };
  }
}

export const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const notFound = () => new FakeAwsError('NotFoundException', 404, 'Invalid API identifier specified');

export function apiId(ctx: HandlerContext, api: { name: string }): string {
  return stableId(`${ctx.account.id}/${ctx.region}/${api.name}`, 10, ID_ALPHABET);
}

function restApis(ctx: HandlerContext): RestApiSpec[] {
  return ctx.regionSpec.apiGateway?.restApis ?? [];
}

function restApi(ctx: HandlerContext): RestApiSpec {
  const api = restApis(ctx).find((a) => apiId(ctx, a) === ctx.input.pathParams.restApiId);
  if (!api) throw notFound();
  return api;
}

/** v1 paging: `position` and `limit` in the query, `position` in the answer. */
function v1Page<T>(ctx: HandlerContext, items: T[]): { item: T[]; position?: string } {
  const page = paginate(items, ctx.input.form.get('position') ?? undefined, optionalNumber(ctx.input.form.get('limit')) ?? 25, 'BadRequestException');
  return { item: page.items, ...(page.nextToken && { position: page.nextToken }) };
}

function getRestApis(ctx: HandlerContext): unknown {
  return v1Page(
    ctx,
    restApis(ctx).map((api) => ({
      id: apiId(ctx, api),
      name: api.name,
      // A timestamp member: epoch seconds in restJson.
      createdDate: Date.parse('2025-02-01T00:00:00Z') / 1000,
      endpointConfiguration: { types: [api.endpointType ?? 'REGIONAL'] },
    })),
  );
}

function getStages(ctx: HandlerContext): unknown {
  return { item: (restApi(ctx).stages ?? []).map((s) => ({ stageName: s.name, deploymentId: 'dep1', ...(s.webAclArn && { webAclArn: s.webAclArn }) })) };
}

function getResources(ctx: HandlerContext): unknown {
  const api = restApi(ctx);
  const paths = [...new Set(['/', ...(api.methods ?? []).map((m) => m.path)])];
  const embed = ctx.input.form.getAll('embed').includes('methods');
  return v1Page(
    ctx,
    paths.map((path) => {
      const methods = (api.methods ?? []).filter((m) => m.path === path);
      const resourceMethods = Object.fromEntries(
        methods.map((m) => [m.method, embed ? { httpMethod: m.method, authorizationType: m.authorization ?? 'NONE', apiKeyRequired: false } : {}]),
      );
      return { id: stableId(`${api.name}${path}`, 6, ID_ALPHABET), path, ...(methods.length > 0 && { resourceMethods }) };
    }),
  );
}

export const apiGateway = defineService({
  signingName: 'apigateway',
  actionPrefix: 'apigateway',
  protocol: restJson,
  // API Gateway authorizes reads as the HTTP verb.
  iamActions: { GetRestApis: 'GET', GetStages: 'GET', GetResources: 'GET' },
  operations: {
    GetRestApis: { http: 'GET /restapis', handler: getRestApis },
    GetStages: { http: 'GET /restapis/{restApiId}/stages', handler: getStages },
    GetResources: { http: 'GET /restapis/{restApiId}/resources', handler: getResources },
  },
});
