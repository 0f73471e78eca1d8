import {
  AccessDeniedException,
  AWSOrganizationsNotInUseException,
  DescribeOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { organizationMembership } from '../../src/datasets/organizations/datasets.js';
import { collect, testContext } from './context.js';

const organizations = mockClient(OrganizationsClient);

describe('organizations.membership', () => {
  beforeEach(() => organizations.reset());

  it('reports the organization and its management account', async () => {
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc123', MasterAccountId: '999988887777' } });
    expect(await collect(organizationMembership, testContext())).toEqual({
      inOrganization: true,
      organizationId: 'o-abc123',
      managementAccountId: '999988887777',
    });
  });

  it('turns AWSOrganizationsNotInUseException into inOrganization=false', async () => {
    organizations
      .on(DescribeOrganizationCommand)
      .rejects(new AWSOrganizationsNotInUseException({ message: 'not in use', $metadata: {} }));
    expect(await collect(organizationMembership, testContext())).toEqual({ inOrganization: false });
  });

  it('lets AccessDenied propagate', async () => {
    organizations.on(DescribeOrganizationCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(organizationMembership, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
