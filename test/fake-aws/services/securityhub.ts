// Security Hub (restJson 1): DescribeHub and GetAdministratorAccount. A region where it is not
// enabled answers InvalidAccessException, as AWS does.

import { FakeAwsError } from '../errors.js';
import { restJson } from '../protocols/rest-json.js';
import type { SecurityHubSpec } from '../scenario.js';
import type { HandlerContext, ServiceDef } from '../service.js';

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

export const securityHub: ServiceDef = {
  signingName: 'securityhub',
  actionPrefix: 'securityhub',
  protocol: restJson([
    { method: 'GET', path: '/accounts', operation: 'DescribeHub' },
    { method: 'GET', path: '/administrator', operation: 'GetAdministratorAccount' },
  ]),
  operations: { DescribeHub: describeHub, GetAdministratorAccount: getAdministratorAccount },
};
