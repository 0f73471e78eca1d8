// AWS AppSync (restJson 1): the region's GraphQL APIs with their authentication and web ACL.

import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface GraphqlApiSpec {
  name: string;
  /** Default API_KEY. */
  authenticationType?: 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';
  visibility?: 'GLOBAL' | 'PRIVATE';
  webAclArn?: string;
}

declare module '../scenario.js' {
  interface RegionSpec {
    appSyncApis?: GraphqlApiSpec[];
  }
}

function listGraphqlApis(ctx: HandlerContext): unknown {
  const apis = (ctx.regionSpec.appSyncApis ?? []).map((api) => {
    const apiId = stableId(`${ctx.account.id}/${api.name}`, 26, 'abcdefghijklmnopqrstuvwxyz0123456789');
    return {
      apiId,
      name: api.name,
      arn: `arn:aws:appsync:${ctx.region}:${ctx.account.id}:apis/${apiId}`,
      authenticationType: api.authenticationType ?? 'API_KEY',
      visibility: api.visibility ?? 'GLOBAL',
      ...(api.webAclArn && { wafWebAclArn: api.webAclArn }),
    };
  });
  const page = paginate(apis, ctx.input.form.get('nextToken') ?? undefined, optionalNumber(ctx.input.form.get('maxResults')) ?? 25, 'BadRequestException');
  return { graphqlApis: page.items, nextToken: page.nextToken };
}

export const appSync = defineService({
  signingName: 'appsync',
  actionPrefix: 'appsync',
  protocol: restJson,
  operations: { ListGraphqlApis: { http: 'GET /v1/apis', handler: listGraphqlApis } },
});
