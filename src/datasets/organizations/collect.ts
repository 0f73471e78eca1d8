import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { defineCollector } from '../../contract/collector.js';
import { organizationMembership } from './datasets.js';
import { isErrorNamed } from '../sdk.js';

/** Organizations answers this when the account belongs to no organization. */
export const NOT_IN_ORGANIZATION = 'AWSOrganizationsNotInUseException';

const collectOrganizationMembership = defineCollector(organizationMembership, async (ctx) => {
  const organizations = ctx.clients.get(OrganizationsClient);
  try {
    const { Organization } = await organizations.send(new DescribeOrganizationCommand({}));
    return { inOrganization: true, organizationId: Organization?.Id, managementAccountId: Organization?.MasterAccountId };
  } catch (err) {
    if (isErrorNamed(err, NOT_IN_ORGANIZATION)) return { inOrganization: false };
    throw err;
  }
});

export const COLLECTORS = [collectOrganizationMembership];
