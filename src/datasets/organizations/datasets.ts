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

/** The scanning account's organization, read once per scan with the caller's credentials. */
export interface CallerOrganizationEvidence extends OrganizationMembershipEvidence {
  /** Every account ListAccounts names; absent when the listing was refused (listError says why). */
  memberAccountIds?: string[];
  /** ListAccounts answers only in the management account or a delegated administrator. */
  listError?: { code: string; message: string };
}

export const callerOrganization = defineDataset<CallerOrganizationEvidence>({
  id: 'organizations.callerOrganization',
  scope: 'organization',
  actions: ['organizations:DescribeOrganization', 'organizations:ListAccounts'],
});
