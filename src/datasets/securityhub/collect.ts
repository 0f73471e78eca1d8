import { DescribeHubCommand, GetAdministratorAccountCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { defineCollector } from '../../contract/collector.js';
import { securityHub } from './datasets.js';
import { isErrorNamed, required } from '../sdk.js';

/** DescribeHub's answer in a region where Security Hub is off ("Account … is not subscribed to AWS Security Hub"). */
function isNotSubscribed(err: unknown): boolean {
  return isErrorNamed(err, 'InvalidAccessException') && /not subscribed to AWS Security Hub/i.test((err as Error).message);
}

const collectSecurityHub = defineCollector(securityHub, async (ctx) => {
  const hub = ctx.clients.get(SecurityHubClient);
  let hubArn: string;
  try {
    hubArn = required((await hub.send(new DescribeHubCommand({}))).HubArn, 'DescribeHub.HubArn');
  } catch (err) {
    if (isNotSubscribed(err)) return { enabled: false };
    throw err;
  }
  const { Administrator } = await hub.send(new GetAdministratorAccountCommand({}));
  return {
    enabled: true,
    hubArn,
    administrator: Administrator && {
      accountId: required(Administrator.AccountId, 'Administrator.AccountId'),
      memberStatus: required(Administrator.MemberStatus, 'Administrator.MemberStatus'),
    },
  };
});

export const COLLECTORS = [collectSecurityHub];
