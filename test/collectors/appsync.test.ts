import { AppSyncClient, ListGraphqlApisCommand, UnauthorizedException } from '@aws-sdk/client-appsync';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { graphqlApis } from '../../src/datasets/appsync/datasets.js';
import { collect, testContext } from './context.js';

const appsync = mockClient(AppSyncClient);

describe('appsync.graphqlApis', () => {
  beforeEach(() => appsync.reset());

  it('lists each API with its authentication types, visibility and web ACL', async () => {
    appsync.on(ListGraphqlApisCommand).resolves({
      graphqlApis: [
        { apiId: 'a1', name: 'shop', arn: 'arn:aws:appsync:eu-west-1:111122223333:apis/a1', authenticationType: 'API_KEY', additionalAuthenticationProviders: [{ authenticationType: 'AWS_IAM' }], wafWebAclArn: 'arn:acl' },
        { apiId: 'a2', arn: 'arn:aws:appsync:eu-west-1:111122223333:apis/a2', authenticationType: 'AWS_IAM', visibility: 'PRIVATE', wafWebAclArn: '' },
      ],
    });
    expect(await collect(graphqlApis, testContext())).toEqual({
      apis: [
        { apiId: 'a1', name: 'shop', arn: 'arn:aws:appsync:eu-west-1:111122223333:apis/a1', authenticationTypes: ['API_KEY', 'AWS_IAM'], visibility: 'GLOBAL', webAclArn: 'arn:acl' },
        { apiId: 'a2', name: undefined, arn: 'arn:aws:appsync:eu-west-1:111122223333:apis/a2', authenticationTypes: ['AWS_IAM'], visibility: 'PRIVATE', webAclArn: undefined },
      ],
    });
  });

  it('lets a refused call propagate', async () => {
    appsync.on(ListGraphqlApisCommand).rejects(new UnauthorizedException({ message: 'denied', $metadata: {} }));
    await expect(collect(graphqlApis, testContext())).rejects.toBeInstanceOf(UnauthorizedException);
  });
});
