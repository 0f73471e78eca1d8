import {
  AccessDeniedException,
  DescribeHubCommand,
  GetAdministratorAccountCommand,
  InvalidAccessException,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { securityHub } from '../../src/datasets/securityhub/datasets.js';
import { ACCOUNT_ID, collect, REGION, testContext } from './context.js';

const hub = mockClient(SecurityHubClient);
const HUB_ARN = `arn:aws:securityhub:${REGION}:${ACCOUNT_ID}:hub/default`;

describe('securityhub.hub', () => {
  beforeEach(() => hub.reset());

  it('reports an enabled hub and its administrator', async () => {
    hub.on(DescribeHubCommand).resolves({ HubArn: HUB_ARN, SubscribedAt: '2026-01-01T00:00:00Z' });
    hub.on(GetAdministratorAccountCommand).resolves({ Administrator: { AccountId: '999988887777', MemberStatus: 'Enabled' } });
    expect(await collect(securityHub, testContext())).toEqual({
      enabled: true,
      hubArn: HUB_ARN,
      administrator: { accountId: '999988887777', memberStatus: 'Enabled' },
    });
  });

  it('reports an enabled hub without an administrator', async () => {
    hub.on(DescribeHubCommand).resolves({ HubArn: HUB_ARN });
    hub.on(GetAdministratorAccountCommand).resolves({});
    expect(await collect(securityHub, testContext())).toEqual({ enabled: true, hubArn: HUB_ARN });
  });

  it('turns "not subscribed to AWS Security Hub" into enabled=false without asking for an administrator', async () => {
    hub.on(DescribeHubCommand).rejects(
      new InvalidAccessException({ message: `Account ${ACCOUNT_ID} is not subscribed to AWS Security Hub`, $metadata: {} }),
    );
    expect(await collect(securityHub, testContext())).toEqual({ enabled: false });
    expect(hub.commandCalls(GetAdministratorAccountCommand)).toHaveLength(0);
  });

  it('lets other InvalidAccessException answers propagate', async () => {
    hub.on(DescribeHubCommand).rejects(new InvalidAccessException({ message: 'The account is suspended', $metadata: {} }));
    await expect(collect(securityHub, testContext())).rejects.toBeInstanceOf(InvalidAccessException);
  });

  it('lets AccessDenied propagate', async () => {
    hub.on(DescribeHubCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(securityHub, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
