// Security Hub (restJson 1): DescribeHub and GetAdministratorAccount. A region where it is not
// enabled answers InvalidAccessException, as AWS does.

import { FakeAwsError } from '../errors.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface SecurityHubSpec {
  enabled: boolean;
  administrator?: { accountId: string; memberStatus?: string };
}

declare module '../scenario.js' {
  interface RegionSpec {
    securityHub?: SecurityHubSpec;
  }
}

function enabledHub(ctx: HandlerContext): SecurityHubSpec {
  const hub = ctx.regionSpec.securityHub;
  if (!hub?.enabled) {
    throw new FakeAwsError('InvalidAccessException', 401, `Account ${ctx.account.id} is not subscribed to AWS Security Hub`);
  }
  return hub;
}

function describeHub(ctx: HandlerContext): unknown {
  enabledHub(ctx);
  return {
    HubArn: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:hub/default`,
    SubscribedAt: '2024-06-01T00:00:00.000Z',
    AutoEnableControls: true,
    ControlFindingGenerator: 'SECURITY_CONTROL',
  };
}

function getAdministratorAccount(ctx: HandlerContext): unknown {
  const admin = enabledHub(ctx).administrator;
  if (!admin) return {};
  return {
    Administrator: {
      AccountId: admin.accountId,
      InvitationId: `invitation-${admin.accountId}`,
      InvitedAt: '2024-06-01T00:00:00.000Z',
      MemberStatus: admin.memberStatus ?? 'Enabled',
    },
  };
}

export const securityHub = defineService({
  signingName: 'securityhub',
  actionPrefix: 'securityhub',
  protocol: restJson,
  operations: {
    DescribeHub: { http: 'GET /accounts', handler: describeHub },
    GetAdministratorAccount: { http: 'GET /administrator', handler: getAdministratorAccount },
  },
});
