import { CognitoIdentityProviderClient, ListUserPoolsCommand, NotAuthorizedException } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoUserPools } from '../../src/datasets/cognito/datasets.js';
import { collect, testContext } from './context.js';

const cognito = mockClient(CognitoIdentityProviderClient);

describe('cognito.userPools', () => {
  beforeEach(() => cognito.reset());

  it('lists every user pool, asking 60 at a time as the API requires', async () => {
    cognito
      .on(ListUserPoolsCommand)
      .resolvesOnce({ UserPools: [{ Id: 'eu-west-1_a', Name: 'customers' }], NextToken: 'n' })
      .resolvesOnce({ UserPools: [{ Id: 'eu-west-1_b' }] });
    expect(await collect(cognitoUserPools, testContext())).toEqual({ userPools: [{ id: 'eu-west-1_a', name: 'customers' }, { id: 'eu-west-1_b', name: undefined }] });
    expect(cognito.commandCalls(ListUserPoolsCommand)[0]!.args[0].input.MaxResults).toBe(60);
  });

  it('lets a refused call propagate', async () => {
    cognito.on(ListUserPoolsCommand).rejects(new NotAuthorizedException({ message: 'denied', $metadata: {} }));
    await expect(collect(cognitoUserPools, testContext())).rejects.toBeInstanceOf(NotAuthorizedException);
  });
});
