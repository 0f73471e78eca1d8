import { defineCollector } from '../collector.js';
import type { OrganizationMembershipEvidence } from '../evidence.js';

export const organizationMembership = defineCollector<OrganizationMembershipEvidence>({
  id: 'organizations.membership',
  scope: 'global',
  actions: ['organizations:DescribeOrganization'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement organizations.membership');
  },
});
