import { APIGatewayClient, GetResourcesCommand, GetRestApisCommand, GetStagesCommand, UnauthorizedException } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand, GetRoutesCommand } from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { httpApis, restApis } from '../../src/datasets/apigateway/datasets.js';
import { collect, REGION, testContext } from './context.js';

const v1 = mockClient(APIGatewayClient);
const v2 = mockClient(ApiGatewayV2Client);

describe('apigateway.restApis', () => {
  beforeEach(() => v1.reset());

  it('reads each API\'s endpoint types, stages with their web ACL, and every method\'s authorization', async () => {
    v1.on(GetRestApisCommand).resolves({ items: [{ id: 'r1', name: 'shop', endpointConfiguration: { types: ['REGIONAL'] } }] });
    v1.on(GetStagesCommand).resolves({ item: [{ stageName: 'prod', webAclArn: 'arn:acl' }, { stageName: 'dev' }] });
    v1.on(GetResourcesCommand)
      .resolvesOnce({ items: [{ id: 'x', path: '/orders', resourceMethods: { GET: { authorizationType: 'NONE' }, POST: { authorizationType: 'AWS_IAM', apiKeyRequired: true } } }], position: 'p' })
      .resolvesOnce({ items: [{ id: 'y', path: '/' }] });
    const arn = `arn:aws:apigateway:${REGION}::/restapis/r1`;
    expect(await collect(restApis, testContext())).toEqual({
      apis: [
        {
          id: 'r1',
          name: 'shop',
          arn,
          endpointTypes: ['REGIONAL'],
          stages: [
            { name: 'prod', arn: `${arn}/stages/prod`, webAclArn: 'arn:acl' },
            { name: 'dev', arn: `${arn}/stages/dev` },
          ],
          methods: [
            { path: '/orders', httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false },
            { path: '/orders', httpMethod: 'POST', authorizationType: 'AWS_IAM', apiKeyRequired: true },
          ],
        },
      ],
    });
    expect(v1.commandCalls(GetResourcesCommand)[0]!.args[0].input.embed).toEqual(['methods']);
  });

  it('lets a refused call propagate', async () => {
    v1.on(GetRestApisCommand).rejects(new UnauthorizedException({ message: 'denied', $metadata: {} }));
    await expect(collect(restApis, testContext())).rejects.toBeInstanceOf(UnauthorizedException);
  });
});

describe('apigateway.httpApis', () => {
  beforeEach(() => v2.reset());

  it('reads the routes of HTTP APIs only, following NextToken by hand', async () => {
    v2.on(GetApisCommand)
      .resolvesOnce({ Items: [{ ApiId: 'h1', Name: 'public', ProtocolType: 'HTTP', RouteSelectionExpression: 'x' }], NextToken: 'n' })
      .resolvesOnce({ Items: [{ ApiId: 'w1', Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: 'x' }] });
    v2.on(GetRoutesCommand, { ApiId: 'h1' }).resolves({ Items: [{ RouteKey: 'GET /items', AuthorizationType: 'JWT' }, { RouteKey: '$default' }] });
    expect(await collect(httpApis, testContext())).toEqual({
      apis: [
        {
          id: 'h1',
          name: 'public',
          arn: `arn:aws:apigateway:${REGION}::/apis/h1`,
          routes: [
            { routeKey: 'GET /items', authorizationType: 'JWT' },
            { routeKey: '$default', authorizationType: 'NONE' },
          ],
        },
      ],
    });
  });
});
