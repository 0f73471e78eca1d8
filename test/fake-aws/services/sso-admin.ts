// IAM Identity Center's SSO Admin API (awsJson 1.1, signing name `sso`): the instances created in or
// visible to the calling account in a region; a region without one answers an empty list.

import { optionalNumber, paginate, stableId } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface IdentityCenterSpec {
  /** Owner of the instance: the management account for an organization instance. Default: the calling account. */
  ownerAccountId?: string;
  status?: 'ACTIVE' | 'CREATE_IN_PROGRESS' | 'DELETE_IN_PROGRESS';
}

declare module '../scenario.js' {
  interface RegionSpec {
    identityCenter?: IdentityCenterSpec;
  }
}

function listInstances(ctx: HandlerContext): unknown {
  const spec = ctx.regionSpec.identityCenter;
  const owner = spec?.ownerAccountId ?? ctx.account.id;
  const id = stableId(`${owner}/${ctx.region}`, 16);
  const instances = spec
    ? [{
        InstanceArn: `arn:aws:sso:::instance/ssoins-${id}`,
        IdentityStoreId: `d-${id.slice(0, 10)}`,
        OwnerAccountId: owner,
        Name: 'partner',
        CreatedDate: epochSeconds(new Date('2024-03-01T00:00:00Z')),
        Status: spec.status ?? 'ACTIVE',
      }]
    : [];
  const page = paginate(instances, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 10, 'ValidationException');
  return { Instances: page.items, NextToken: page.nextToken };
}

export const ssoAdmin = defineService({
  signingName: 'sso',
  actionPrefix: 'sso',
  protocol: awsJson('SWBExternalService'),
  operations: { ListInstances: listInstances },
});
