import { accessAnalyzers } from '../src/datasets/accessanalyzer/datasets.js';
import { iamRoles, type IamRoleDetail } from '../src/datasets/iam/datasets.js';
import { callerOrganization, type CallerOrganizationEvidence } from '../src/datasets/organizations/datasets.js';
import { defineCheck, type DatasetView, type Outcome } from '../src/contract/check.js';
import type { PolicyStatement } from '../src/datasets/policy-types.js';
import { externalAccessRoles } from './lib/access-analyzer.js';
import { accountArn } from './lib/arn.js';
import { admitsEveryone, awsPrincipals, callerLimits, coversAction, principalAccount, requiresExternalId } from './lib/policy-principals.js';

const MESSAGES = {
  noExternalId: 'Role {role} lets {outside}, outside {scope}, assume it without an sts:ExternalId condition.',
  externalId: 'Role {role} lets {outside}, outside {scope}, assume it only with an sts:ExternalId.',
  noThirdPartyRoles: 'None of the {count} role(s) lets an AWS account outside {scope} assume it; {analyzer}.',
} as const;

type MessageId = keyof typeof MESSAGES;

interface Trusted {
  /** The accounts that count as ours. */
  accounts: ReadonlySet<string>;
  /** What they are, in words. */
  scope: string;
}

/** The caller's organization listing, or the scanned accounts when there is none (or it cannot be listed). */
function ownAccounts(view: DatasetView<CallerOrganizationEvidence>, accountId: string, scanned: ReadonlySet<string>): Trusted {
  if (view.ok && view.data.memberAccountIds) {
    return { accounts: new Set([...view.data.memberAccountIds, accountId]), scope: `the organization ${view.data.organizationId ?? ''}`.trim() };
  }
  const why = !view.ok
    ? `the organization could not be read: ${view.error.code}`
    : view.data.inOrganization
      ? `the organization's accounts could not be listed: ${view.data.listError?.code ?? 'unknown'}`
      : 'no organization';
  return { accounts: new Set([...scanned, accountId]), scope: `the scanned accounts (${why})` };
}

/** The principals of one trust statement that are outside our accounts, in words; empty when none. */
function outsidePrincipals(statement: PolicyStatement, own: ReadonlySet<string>): string[] {
  if (statement.effect !== 'Allow' || !coversAction(statement, 'sts:AssumeRole')) return [];
  // A wildcard bound to a caller (aws:PrincipalOrgID, aws:PrincipalAccount, ...) is not an open door.
  if (admitsEveryone(statement)) return callerLimits(statement).length === 0 ? ['any AWS account'] : [];
  return awsPrincipals(statement.principal).flatMap((principal) => {
    const account = principalAccount(principal);
    return account !== undefined && !own.has(account) ? [principal] : [];
  });
}

function judgeRole(role: IamRoleDetail, trusted: Trusted, analyzer: string[] | undefined): Outcome<MessageId> | undefined {
  const statements = role.trustPolicy.statements.map((statement) => ({ statement, outside: outsidePrincipals(statement, trusted.accounts) }));
  const thirdParty = statements.filter((s) => s.outside.length > 0);
  if (thirdParty.length === 0) return undefined;
  const outside = [...new Set(thirdParty.flatMap((s) => s.outside))].join(', ');
  const params = { role: role.roleName, outside, scope: trusted.scope };
  const evidence = { trustPolicy: role.trustPolicy, ...(analyzer && { accessAnalyzerRegions: analyzer }) };
  const missing = thirdParty.some((s) => !requiresExternalId(s.statement));
  return { status: missing ? 'WARN' : 'PASS', messageId: missing ? 'noExternalId' : 'externalId', resource: role.arn, params, evidence };
}

export default defineCheck({
  id: 'iam-third-party-roles-external-id',
  title: 'Third parties reach the account through roles that require an ExternalId',
  description:
    'Reads every role\'s trust policy (IAM GetAccountAuthorizationDetails, Filter Role). A role is a third-party role when an Allow of ' +
    'sts:AssumeRole admits an AWS principal whose account is outside the scanning account\'s organization (Organizations ListAccounts; ' +
    'outside the scanned accounts when there is no organization or it cannot be listed), or admits any principal (`*`, NotPrincipal) ' +
    'without a binding aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount or aws:SourceArn condition. Service ' +
    'and federated principals are not third parties. Each third-party role without a binding sts:ExternalId condition warns; with one it ' +
    'passes. IAM Access Analyzer external-access findings on roles are evidence. That outside parties never get IAM user credentials is attested.',
  requirements: { 'ftr-partner-hosted': ['IAM-005'] },
  severity: 'high',
  scope: 'account',
  uses: { roles: iamRoles, analyzers: accessAnalyzers },
  optionalUses: { organization: callerOrganization },
  remediation:
    'Add a condition to the role\'s trust policy: `"Condition": {"StringEquals": {"sts:ExternalId": "<id agreed with the third party>"}}` ' +
    '(`aws iam update-assume-role-policy`), and remove trust in accounts that no longer need it.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { roles, analyzers } = input.data;
    const trusted = ownAccounts(input.optional.organization, input.accountId, input.org.scannedAccounts);
    const external = externalAccessRoles(analyzers, input.accountId);
    const outcomes = roles.roles.flatMap((role) => judgeRole(role, trusted, external.roles[role.arn]) ?? []);
    if (outcomes.length > 0) return outcomes;
    const flagged = Object.keys(external.roles);
    const analyzer = !external.analyzed
      ? 'no active external-access analyzer in the regions scanned'
      : flagged.length > 0
        ? `IAM Access Analyzer reports external access to ${flagged.join(', ')} (trust within the analyzer's zone of trust is not third-party)`
        : 'IAM Access Analyzer reports no role open to outside principals';
    const evidence = { scope: trusted.scope, accessAnalyzer: external };
    return [{ status: 'PASS', messageId: 'noThirdPartyRoles', resource: accountArn(input), params: { count: roles.roles.length, scope: trusted.scope, analyzer }, evidence }];
  },
});
