// AWS Organizations datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface OrganizationMembershipEvidence {
  inOrganization: boolean;
  organizationId?: string;
  managementAccountId?: string;
}

export const organizationMembership = defineDataset<OrganizationMembershipEvidence>({
  id: 'organizations.membership',
  scope: 'global',
  actions: ['organizations:DescribeOrganization'],
});
