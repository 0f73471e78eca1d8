import type * as SdkOrganizations from '@aws-sdk/client-organizations';
import { classifyError } from '../../aws/errors.js';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { collectPages, isErrorNamed, required } from '../sdk.js';
import {
  accountEmails,
  callerOrganization,
  organizationMembership,
  type AccountEmailsEvidence,
  type CallerOrganizationEvidence,
  type OrganizationMembershipEvidence,
} from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeOrganizationCommand,
  OrganizationsClient,
  paginateListAccounts,
} = sdkModule<typeof SdkOrganizations>('@aws-sdk/client-organizations');

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

interface ListedAccount {
  id: string;
  email?: string;
}

/** ListAccounts, called once per scan however many organization datasets read it (all with the caller's credentials). */
function organizationAccounts(ctx: CollectContext): Promise<ListedAccount[]> {
  return ctx.shared.get('organizations:ListAccounts', async () => {
    const accounts = await collectPages(paginateListAccounts({ client: ctx.clients.get(OrganizationsClient) }, {}), (page) => page.Accounts);
    return accounts.map((a) => ({ id: required(a.Id, 'Account.Id'), email: a.Email }));
  });
}

/** The organization's account IDs, or why they could not be listed (only its management or a delegated administrator can). */
async function listAccounts(ctx: CollectContext): Promise<Pick<CallerOrganizationEvidence, 'memberAccountIds' | 'listError'>> {
  try {
    return { memberAccountIds: (await organizationAccounts(ctx)).map((a) => a.id) };
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

// Organizations' answers to a caller that may not list the accounts.
const LISTING_REFUSALS = [NOT_IN_ORGANIZATION, 'AccessDeniedException'];

const collectAccountEmails = defineCollector(accountEmails, async (ctx): Promise<AccountEmailsEvidence> => {
  try {
    const listed = await organizationAccounts(ctx);
    return { emails: Object.fromEntries(listed.flatMap((a) => (a.email ? [[a.id, a.email]] : []))) };
  } catch (err) {
    if (!LISTING_REFUSALS.some((name) => isErrorNamed(err, name))) throw err;
    const { code, message } = classifyError(err, 'organizations:ListAccounts');
    return { refusal: { code, message } };
  }
});

export const COLLECTORS = [collectOrganizationMembership, collectCallerOrganization, collectAccountEmails];
