// Central coverage (Health organizational view, a GuardDuty or Security Hub administrator) is
// credited only to an account whose membership in the scanning account's organization is proven:
// the organization's account list names it, or its own DescribeOrganization names that organization.

import type { DatasetView } from '../../../src/contract/check.js';
import type { CallerOrganizationEvidence, OrganizationMembershipEvidence } from '../../../src/datasets/organizations/datasets.js';

/** `noOrganization`: the scanning account or this one belongs to no organization, so no central account can cover it. */
export type Membership = { proven: true; how: string } | { proven: false; why: string; noOrganization?: true };

export interface MembershipEvidence {
  accountId: string;
  /** The scanning account's organization. */
  organization: DatasetView<CallerOrganizationEvidence>;
  /** The account's own DescribeOrganization. */
  membership: DatasetView<OrganizationMembershipEvidence>;
}

export function membershipOf({ accountId, organization, membership }: MembershipEvidence): Membership {
  if (!organization.ok) return { proven: false, why: `the scanning account's organization could not be read (${organization.error.code})` };
  const org = organization.data;
  if (!org.inOrganization || !org.organizationId) return { proven: false, why: 'the scanning account belongs to no organization', noOrganization: true };
  if (org.memberAccountIds?.includes(accountId)) return { proven: true, how: `listed in organization ${org.organizationId}` };
  if (!membership.ok) {
    const listed = org.listError ? `its account list could not be read (${org.listError.code})` : 'its account list does not name it';
    return { proven: false, why: `the account's own organization could not be read (${membership.error.code}) and ${listed}` };
  }
  if (membership.data.organizationId === org.organizationId) return { proven: true, how: `its DescribeOrganization names ${org.organizationId}` };
  if (!membership.data.inOrganization) return { proven: false, why: 'the account belongs to no organization', noOrganization: true };
  return { proven: false, why: `the account belongs to organization ${membership.data.organizationId}, not to the scanning account's ${org.organizationId}` };
}
