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

/** The root user email of each account of the caller's organization, from ListAccounts, read once per scan. */
export interface AccountEmailsEvidence {
  /** Account ID → root user email, for every account ListAccounts names; absent when the listing was refused. */
  emails?: Record<string, string>;
  /**
   * Organizations' refusal, an answer about the caller: AWSOrganizationsNotInUseException (no organization) or
   * AccessDeniedException (not its management account or a delegated administrator, or not allowed to list).
   */
  refusal?: { code: string; message: string };
}

export const accountEmails = defineDataset<AccountEmailsEvidence>({
  id: 'organizations.accountEmails',
  scope: 'organization',
  actions: ['organizations:ListAccounts'],
});
