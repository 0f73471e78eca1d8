import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { defineCollector } from '../collector.js';
import type { OrganizationMembershipEvidence } from '../evidence.js';
import { isErrorNamed } from './sdk.js';

/** Organizations answers this when the account belongs to no organization. */
export const NOT_IN_ORGANIZATION = 'AWSOrganizationsNotInUseException';

export const organizationMembership = defineCollector<OrganizationMembershipEvidence>({
  id: 'organizations.membership',
  scope: 'global',
  actions: ['organizations:DescribeOrganization'],
  collect: async (ctx) => {
    const organizations = ctx.clients.get(OrganizationsClient);
    try {
      const { Organization } = await organizations.send(new DescribeOrganizationCommand({}));
      return { inOrganization: true, organizationId: Organization?.Id, managementAccountId: Organization?.MasterAccountId };
    } catch (err) {
      if (isErrorNamed(err, NOT_IN_ORGANIZATION)) return { inOrganization: false };
      throw err;
    }
  },
});
