// Amazon API Gateway HTTP APIs (v2, restJson 1): APIs and their routes. They sign as `apigateway`
// like REST APIs, so this service claims the paths under /v2/. Members are written in lower case,
// paged with nextToken/maxResults.

import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';
import { apiId, ID_ALPHABET, notFound, type HttpApiSpec } from './apigateway.js';

function httpApis(ctx: HandlerContext): HttpApiSpec[] {
  return ctx.regionSpec.apiGateway?.httpApis ?? [];
}

function v2Page<T>(ctx: HandlerContext, items: T[]): { items: T[]; nextToken?: string } {
  const page = paginate(items, ctx.input.form.get('nextToken') ?? undefined, optionalNumber(ctx.input.form.get('maxResults')) ?? 25, 'BadRequestException');
  return { items: page.items, ...(page.nextToken && { nextToken: page.nextToken }) };
}

function getApis(ctx: HandlerContext): unknown {
  return v2Page(
    ctx,
    httpApis(ctx).map((api) => ({ apiId: apiId(ctx, api), name: api.name, protocolType: api.protocol ?? 'HTTP', routeSelectionExpression: '$request.method $request.path' })),
  );
}

function getRoutes(ctx: HandlerContext): unknown {
  const api = httpApis(ctx).find((a) => apiId(ctx, a) === ctx.input.pathParams.ApiId);
  if (!api) throw notFound();
  return v2Page(
    ctx,
    (api.routes ?? []).map((r) => ({ routeId: stableId(r.routeKey, 7, ID_ALPHABET), routeKey: r.routeKey, authorizationType: r.authorization ?? 'NONE' })),
  );
}

export const apiGatewayV2 = defineService({
  signingName: 'apigateway',
  actionPrefix: 'apigateway',
  pathPrefix: '/v2/',
  protocol: restJson,
  iamActions: { GetApis: 'GET', GetRoutes: 'GET' },
  operations: {
    GetApis: { http: 'GET /v2/apis', handler: getApis },
    GetRoutes: { http: 'GET /v2/apis/{ApiId}/routes', handler: getRoutes },
  },
});
