import { AccessDeniedException, ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { identityCenterInstances } from '../../src/datasets/identitycenter/datasets.js';
import { collect, testContext } from './context.js';

const sso = mockClient(SSOAdminClient);

describe('identitycenter.instances', () => {
  beforeEach(() => sso.reset());

  it('lists the instances visible in the region, across pages', async () => {
    sso
      .on(ListInstancesCommand)
      .resolvesOnce({ Instances: [{ InstanceArn: 'arn:aws:sso:::instance/ssoins-1', OwnerAccountId: '111111111111', Status: 'ACTIVE' }], NextToken: 'n' })
      .resolves({ Instances: [{ InstanceArn: 'arn:aws:sso:::instance/ssoins-2', Status: 'CREATE_IN_PROGRESS' }] });
    expect(await collect(identityCenterInstances, testContext())).toEqual({
      instances: [
        { arn: 'arn:aws:sso:::instance/ssoins-1', ownerAccountId: '111111111111', status: 'ACTIVE' },
        { arn: 'arn:aws:sso:::instance/ssoins-2', ownerAccountId: undefined, status: 'CREATE_IN_PROGRESS' },
      ],
    });
  });

  it('answers an empty list where Identity Center is not enabled', async () => {
    sso.on(ListInstancesCommand).resolves({ Instances: [] });
    expect(await collect(identityCenterInstances, testContext())).toEqual({ instances: [] });
  });

  it('lets AccessDenied propagate', async () => {
    sso.on(ListInstancesCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(identityCenterInstances, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
