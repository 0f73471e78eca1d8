// Amazon Cognito user pools (awsJson 1.1): ListUserPools, whose MaxResults is required (1-60).

import { FakeAwsError } from '../errors.js';
import { paginate, stableId } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    /** User pool names. */
    cognitoUserPools?: string[];
  }
}

function listUserPools(ctx: HandlerContext): unknown {
  const max = ctx.input.json.MaxResults;
  if (typeof max !== 'number' || max < 1 || max > 60) {
    throw new FakeAwsError('InvalidParameterException', 400, '1 validation error detected: Value at \'maxResults\' failed to satisfy constraint: Member must have value between 1 and 60');
  }
  const pools = (ctx.regionSpec.cognitoUserPools ?? []).map((name) => ({
    Id: `${ctx.region}_${stableId(name, 9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
    Name: name,
    Status: 'Enabled',
    CreationDate: epochSeconds(new Date('2025-01-01T00:00:00Z')),
  }));
  const page = paginate(pools, ctx.input.json.NextToken, max, 'InvalidParameterException');
  return { UserPools: page.items, NextToken: page.nextToken };
}

export const cognito = defineService({
  signingName: 'cognito-idp',
  actionPrefix: 'cognito-idp',
  protocol: awsJson('AWSCognitoIdentityProviderService'),
  operations: { ListUserPools: listUserPools },
});
