import { describe, expect, it } from 'vitest';
import check from '../../checks/iam-third-party-roles-external-id.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { AccessAnalyzersEvidence } from '../../src/datasets/accessanalyzer/datasets.js';
import type { IamRoleDetail } from '../../src/datasets/iam/datasets.js';
import type { CallerOrganizationEvidence } from '../../src/datasets/organizations/datasets.js';
import { doc, role, roleArn, roles, trust } from '../helpers/fixtures/iam.js';
import { analyzer, analyzers } from '../helpers/fixtures/keys.js';
import { callerOrganization } from '../helpers/fixtures/security.js';
import { ACCOUNT, accountInput, CENTRAL_ACCOUNT, failed, ok, orgView, REGION } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const VENDOR = '999988887777';
const vendorRoot = `arn:aws:iam::${VENDOR}:root`;
const EXTERNAL_ID = { StringEquals: { 'sts:ExternalId': ['partner-7f3a'] } };

function trusting(list: IamRoleDetail[], options: { organization?: DatasetView<CallerOrganizationEvidence>; analyzers?: AccessAnalyzersEvidence; scanned?: string[] } = {}): CheckCase['input'] {
  return accountInput({
    data: { roles: roles(...list), analyzers: { [REGION]: ok(options.analyzers ?? analyzers()) } },
    optional: { organization: options.organization ?? ok(callerOrganization()) },
    org: orgView({ scanned: options.scanned ?? [] }),
  });
}

const vendorRole = (name: string, condition?: Record<string, Record<string, string[]>>) => role(name, { trustPolicy: doc(trust({ AWS: [vendorRoot] }, condition)) });

runCheckCases(check, [
  {
    name: 'a role an outside account may assume without an ExternalId warns',
    input: trusting([vendorRole('datadog')]),
    expected: [{ status: 'WARN', messageId: 'noExternalId', resource: roleArn('datadog'), params: { outside: vendorRoot, scope: 'the organization o-abc123' } }],
  },
  {
    name: 'a third-party role that requires an ExternalId passes',
    input: trusting([vendorRole('datadog', EXTERNAL_ID)]),
    expected: [{ status: 'PASS', messageId: 'externalId', resource: roleArn('datadog') }],
  },
  {
    name: 'an ExternalId that only IfExists checks does not count',
    input: trusting([vendorRole('datadog', { StringEqualsIfExists: { 'sts:ExternalId': ['x'] } })]),
    expected: [{ status: 'WARN', messageId: 'noExternalId', resource: roleArn('datadog') }],
  },
  {
    name: 'organization accounts, services and federated principals are not third parties; the analyzer is evidence',
    input: trusting(
      [
        role('central', { trustPolicy: doc(trust({ AWS: [`arn:aws:iam::${CENTRAL_ACCOUNT}:role/admin`] })) }),
        role('ec2'),
        role('github', { trustPolicy: doc({ effect: 'Allow', principal: { Federated: ['arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'] }, action: ['sts:AssumeRoleWithWebIdentity'] }) }),
      ],
      { analyzers: analyzers(analyzer('account', 'ACCOUNT', { rolesWithExternalAccess: [roleArn('central'), roleArn('other', '123412341234')] })) },
    ),
    expected: [{ status: 'PASS', messageId: 'noThirdPartyRoles', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { count: 3, analyzer: `IAM Access Analyzer reports external access to ${roleArn('central')} (trust within the analyzer's zone of trust is not third-party)` } }],
  },
  {
    name: 'a wildcard principal is any AWS account unless a condition binds the caller',
    input: trusting([role('open', { trustPolicy: doc(trust('*')) }), role('org-only', { trustPolicy: doc(trust({ AWS: ['*'] }, { StringEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } })) })]),
    expected: [{ status: 'WARN', messageId: 'noExternalId', resource: roleArn('open'), params: { outside: 'any AWS account' } }],
  },
  {
    name: 'without an organization listing, the scanned accounts are ours',
    input: trusting([vendorRole('vendor-a')], { organization: ok(callerOrganization({ memberAccountIds: undefined, listError: { code: 'AccessDeniedException', message: 'no' } })), scanned: [VENDOR] }),
    expected: [{ status: 'PASS', messageId: 'noThirdPartyRoles', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { scope: "the scanned accounts (the organization's accounts could not be listed: AccessDeniedException)", analyzer: 'no active external-access analyzer in the regions scanned' } }],
  },
  {
    name: 'with no organization, an unscanned account is outside',
    input: trusting([vendorRole('vendor-a')], { organization: ok({ inOrganization: false }) }),
    expected: [{ status: 'WARN', messageId: 'noExternalId', resource: roleArn('vendor-a'), params: { scope: 'the scanned accounts (no organization)' } }],
  },
]);

describe('iam-third-party-roles-external-id scope and evidence', () => {
  it('falls back to the scanned accounts when the organization cannot be read, and reports an analyzer that sees nothing', () => {
    const [outcome] = check.evaluate(trusting([role('ec2')], { organization: failed(), analyzers: analyzers(analyzer('account', 'ACCOUNT')) }) as never);
    expect(outcome!.params).toMatchObject({ scope: 'the scanned accounts (the organization could not be read: AccessDeniedException)', analyzer: 'IAM Access Analyzer reports no role open to outside principals' });
  });

  it('keeps the analyzer regions that flag a third-party role', () => {
    const flagged = analyzers(analyzer('account', 'ACCOUNT', { rolesWithExternalAccess: [roleArn('datadog')] }));
    const [outcome] = check.evaluate(trusting([vendorRole('datadog')], { analyzers: flagged }) as never);
    expect(outcome!.evidence).toMatchObject({ accessAnalyzerRegions: [REGION] });
  });
});
