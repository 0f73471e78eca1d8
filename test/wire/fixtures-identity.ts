// The identity, account and key slices of the wire organization: root credentials, roles that
// outsiders may assume, identity providers, contact information, Identity Center, Access Analyzer
// and KMS keys in MGMT and PROD, each with the answers AWS gives when something is not set up.

import type { AccountSpec, RegionSpec, Scenario } from '../fake-aws/index.js';

export const VENDOR_ACCOUNT = '999988887777';

const vendorTrust = (condition?: Record<string, unknown>) => ({
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` }, Action: 'sts:AssumeRole', ...(condition && { Condition: condition }) }],
});

const serviceTrust = (service: string) => ({ Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

function withRegion(account: AccountSpec, region: string, slice: RegionSpec): AccountSpec {
  return { ...account, regions: { ...account.regions, [region]: { ...account.regions[region], ...slice } } };
}

/**
 * Root with a password used ten days ago, roles an outside account may assume, a SAML provider, contact
 * information; Identity Center, analyzers and keys in eu-west-1.
 */
function management(account: AccountSpec): AccountSpec {
  const iam = account.iam ?? {};
  const roleArn = (name: string) => `arn:aws:iam::${account.id}:role/${name}`;
  const withIdentity: AccountSpec = {
    ...account,
    iam: {
      ...iam,
      root: { ...iam.root, password: true, passwordLastUsed: '-10d' },
      roles: [
        { name: 'vendor-monitoring', trust: vendorTrust(), lastUsed: '-2d' },
        { name: 'vendor-billing', trust: vendorTrust({ StringEquals: { 'sts:ExternalId': 'wire-vendor-7f3a' } }), lastUsed: '-1d' },
        { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/', trust: serviceTrust('support.amazonaws.com'), created: '-500d' },
      ],
      samlProviders: ['corporate-idp'],
    },
    contactInformation: { fullName: 'Cloud Operations', companyName: 'Wire Test Corp', phone: '+1-206-555-0100', website: 'https://example.com' },
  };
  return withRegion(withIdentity, 'eu-west-1', {
    identityCenter: {},
    accessAnalyzers: [
      {
        name: 'account-analyzer',
        type: 'ACCOUNT',
        findings: [
          { resourceArn: roleArn('vendor-monitoring'), resourceType: 'AWS::IAM::Role' },
          { resourceArn: roleArn('retired'), resourceType: 'AWS::IAM::Role', status: 'ARCHIVED' },
          { resourceArn: 'arn:aws:s3:::shared-artifacts', resourceType: 'AWS::S3::Bucket' },
        ],
      },
      { name: 'unused-access', type: 'ACCOUNT_UNUSED_ACCESS', findings: [{ resourceArn: roleArn('vendor-billing'), resourceType: 'AWS::IAM::Role', findingType: 'UnusedPermission' }] },
    ],
    kms: {
      keys: [
        { rotation: true },
        { rotation: false },
        { rotation: true, policy: { Statement: [{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }] } },
        { spec: 'RSA_2048', usage: 'SIGN_VERIFY' },
        { origin: 'EXTERNAL' },
        { state: 'PendingDeletion' },
        { manager: 'AWS', rotation: true },
        { vanished: true },
      ],
    },
  });
}

/** Stale identities, a policy granting everything, a strong password policy; the organization's Identity Center instance and one key. */
function production(account: AccountSpec, managementId: string): AccountSpec {
  const iam = account.iam ?? {};
  const withIdentity: AccountSpec = {
    ...account,
    iam: {
      ...iam,
      users: [
        ...(iam.users ?? []),
        { name: 'admin', console: true, mfa: true, passwordLastUsed: '-200d', created: '-600d' },
        { name: 'legacy-sync', keys: [{ created: '-200d', lastUsed: '-5d' }] },
      ],
      roles: [{ name: 'old-batch', trust: serviceTrust('ec2.amazonaws.com'), created: '-500d', lastUsed: '-300d', attachedPolicies: ['break-glass'] }],
      policies: [...(iam.policies ?? []), { name: 'break-glass', document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
      passwordPolicy: { minimumLength: 16, reusePrevention: 24 },
      oidcProviders: ['token.actions.githubusercontent.com'],
    },
  };
  return withRegion(withIdentity, 'eu-west-1', { identityCenter: { ownerAccountId: managementId }, kms: { keys: [{ rotation: true }] } });
}

/** The scenario with the identity slices added to its management account and its production-tagged account. */
export function withIdentity(scenario: Scenario): Scenario {
  const managementId = scenario.managementAccountId;
  const isProduction = (a: AccountSpec) => a.tags?.Environment === 'production';
  return {
    ...scenario,
    accounts: scenario.accounts.map((a) => (a.id === managementId ? management(a) : isProduction(a) ? production(a, managementId) : a)),
  };
}
