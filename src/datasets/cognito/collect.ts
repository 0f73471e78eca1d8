import type * as SdkCognitoIdentityProvider from '@aws-sdk/client-cognito-identity-provider';
import { defineCollector } from '../../contract/collector.js';
import { cognitoUserPools } from './datasets.js';
import { collectPages, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  CognitoIdentityProviderClient,
  paginateListUserPools,
} = sdkModule<typeof SdkCognitoIdentityProvider>('@aws-sdk/client-cognito-identity-provider');

const collectUserPools = defineCollector(cognitoUserPools, async (ctx) => {
  const client = ctx.clients.get(CognitoIdentityProviderClient);
  // MaxResults is required (1-60). https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPools.html
  const pools = await collectPages(paginateListUserPools({ client, pageSize: 60 }, { MaxResults: 60 }), (page) => page.UserPools);
  return { userPools: pools.map((pool) => ({ id: required(pool.Id, 'UserPool.Id'), name: pool.Name })) };
});

export const COLLECTORS = [collectUserPools];
