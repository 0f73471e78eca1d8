import { DescribeOrganizationCommand, OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { classifyError } from '../../aws/errors.js';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { collectPages, isErrorNamed, required } from '../sdk.js';
import { callerOrganization, organizationMembership, type CallerOrganizationEvidence, type OrganizationMembershipEvidence } from './datasets.js';

/** Organizations answers this when the account belongs to no organization. */
export const NOT_IN_ORGANIZATION = 'AWSOrganizationsNotInUseException';

async function describeOrganization(ctx: CollectContext): Promise<OrganizationMembershipEvidence> {
  try {
    const { Organization } = await ctx.clients.get(OrganizationsClient).send(new DescribeOrganizationCommand({}));
    return { inOrganization: true, organizationId: Organization?.Id, managementAccountId: Organization?.MasterAccountId };
  } catch (err) {
    if (isErrorNamed(err, NOT_IN_ORGANIZATION)) return { inOrganization: false };
    throw err;
  }
}

/** The organization's account IDs, or why they could not be listed (only its management or a delegated administrator can). */
async function listAccounts(ctx: CollectContext): Promise<Pick<CallerOrganizationEvidence, 'memberAccountIds' | 'listError'>> {
  try {
    const accounts = await collectPages(paginateListAccounts({ client: ctx.clients.get(OrganizationsClient) }, {}), (page) => page.Accounts);
    return { memberAccountIds: accounts.map((a) => required(a.Id, 'Account.Id')) };
  } catch (err) {
    const { code, message } = classifyError(err, 'organizations:ListAccounts');
    return { listError: { code, message } };
  }
}

const collectOrganizationMembership = defineCollector(organizationMembership, describeOrganization);

const collectCallerOrganization = defineCollector(callerOrganization, async (ctx) => {
  const organization = await describeOrganization(ctx);
  return organization.inOrganization ? { ...organization, ...(await listAccounts(ctx)) } : organization;
});

export const COLLECTORS = [collectOrganizationMembership, collectCallerOrganization];
