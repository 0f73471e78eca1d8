// Organizations (awsJson 1.1): accounts (with the empty-page quirk), tags, the organization,
// trusted service access and delegated administrators. Management-only calls are refused
// elsewhere like AWS does.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, requiredString } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { findAccount, type AccountSpec } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface OrganizationSpec {
  id: string;
  /** DescribeHealthServiceStatusForOrganization. */
  healthOrganizationView?: 'ENABLED' | 'DISABLED';
  /** ListAWSServiceAccessForOrganization, e.g. `health.amazonaws.com`; IAM's features need `iam.amazonaws.com`. */
  serviceAccess?: string[];
  /** IAM ListOrganizationsFeatures: centralized root access features enabled. */
  iamFeatures?: ('RootCredentialsManagement' | 'RootSessions')[];
  delegatedAdministrators?: { accountId: string; servicePrincipal: string }[];
  /** Page size of ListAccounts (AWS allows up to 20). */
  pageSize?: number;
  /** ListAccounts answers an empty first page that still carries a NextToken, as AWS may. */
  emptyFirstPage?: boolean;
}

declare module '../scenario.js' {
  interface Scenario {
    /** Absent: the management account is not in an organization. */
    organization?: OrganizationSpec;
  }
}

const EMPTY_PAGE_TOKEN = 'fake-empty-first-page';

function organizationOf(ctx: HandlerContext): OrganizationSpec {
  const org = ctx.scenario.organization;
  if (!org) throw new FakeAwsError('AWSOrganizationsNotInUseException', 400, 'Your account is not a member of an organization.');
  return org;
}

function managementOnly(ctx: HandlerContext): OrganizationSpec {
  const org = organizationOf(ctx);
  if (ctx.account.id !== ctx.scenario.managementAccountId) {
    throw new FakeAwsError('AccessDeniedException', 400, 'You don\'t have permissions to access this resource.');
  }
  return org;
}

function accountEntry(ctx: HandlerContext, org: OrganizationSpec, account: AccountSpec): unknown {
  const status = account.status ?? 'ACTIVE';
  return {
    Id: account.id,
    Arn: `arn:aws:organizations::${ctx.scenario.managementAccountId}:account/${org.id}/${account.id}`,
    Email: account.email ?? `aws+${account.id}@example.com`,
    Name: account.name,
    Status: status,
    State: status,
    JoinedMethod: account.id === ctx.scenario.managementAccountId ? 'CREATED' : 'INVITED',
    JoinedTimestamp: epochSeconds(new Date('2024-01-15T00:00:00Z')),
  };
}

function listAccounts(ctx: HandlerContext): unknown {
  const org = managementOnly(ctx);
  const { NextToken, MaxResults } = ctx.input.json;
  if (org.emptyFirstPage && NextToken === undefined) return { Accounts: [], NextToken: EMPTY_PAGE_TOKEN };
  const token = NextToken === EMPTY_PAGE_TOKEN ? undefined : NextToken;
  const size = Math.min(optionalNumber(MaxResults) ?? 20, org.pageSize ?? 20);
  const page = paginate(ctx.scenario.accounts, token, size, 'InvalidInputException');
  return { Accounts: page.items.map((a) => accountEntry(ctx, org, a)), NextToken: page.nextToken };
}

function listTagsForResource(ctx: HandlerContext): unknown {
  managementOnly(ctx);
  const id = requiredString(ctx.input.json.ResourceId, 'resourceId');
  const account = findAccount(ctx.scenario, id);
  if (!account) throw new FakeAwsError('TargetNotFoundException', 400, 'We can\'t find a root, OU, account, or policy with the TargetId that you specified.');
  return { Tags: Object.entries(account.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) };
}

function describeOrganization(ctx: HandlerContext): unknown {
  const org = organizationOf(ctx);
  const mgmt = ctx.scenario.managementAccountId;
  return {
    Organization: {
      Id: org.id,
      Arn: `arn:aws:organizations::${mgmt}:organization/${org.id}`,
      FeatureSet: 'ALL',
      MasterAccountArn: `arn:aws:organizations::${mgmt}:account/${org.id}/${mgmt}`,
      MasterAccountId: mgmt,
      MasterAccountEmail: findAccount(ctx.scenario, mgmt)?.email ?? `aws+${mgmt}@example.com`,
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
  };
}

function listAWSServiceAccessForOrganization(ctx: HandlerContext): unknown {
  const org = managementOnly(ctx);
  const enabled = epochSeconds(new Date('2024-02-01T00:00:00Z'));
  return { EnabledServicePrincipals: (org.serviceAccess ?? []).map((ServicePrincipal) => ({ ServicePrincipal, DateEnabled: enabled })) };
}

function listDelegatedAdministrators(ctx: HandlerContext): unknown {
  const org = managementOnly(ctx);
  const principal = ctx.input.json.ServicePrincipal;
  const admins = (org.delegatedAdministrators ?? []).filter((d) => principal === undefined || d.servicePrincipal === principal);
  const unique = [...new Set(admins.map((d) => d.accountId))];
  const entries = unique.flatMap((id) => {
    const account = findAccount(ctx.scenario, id);
    return account ? [{ ...(accountEntry(ctx, org, account) as object), DelegationEnabledDate: epochSeconds(new Date('2024-02-01T00:00:00Z')) }] : [];
  });
  return { DelegatedAdministrators: entries };
}

export const organizations = defineService({
  signingName: 'organizations',
  actionPrefix: 'organizations',
  protocol: awsJson('AWSOrganizationsV20161128'),
  errors: { throttle: { code: 'TooManyRequestsException', status: 400, message: 'You have sent too many requests in too short a period of time.' } },
  global: true,
  operations: {
    ListAccounts: listAccounts,
    ListTagsForResource: listTagsForResource,
    DescribeOrganization: describeOrganization,
    ListAWSServiceAccessForOrganization: listAWSServiceAccessForOrganization,
    ListDelegatedAdministrators: listDelegatedAdministrators,
  },
});
