// The IAM datasets the FTR identity checks read: account summary, password policy, roles, identity
// providers and the organization's centralized root access features.

import {
  AccountNotManagementOrDelegatedAdministratorException,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListOrganizationsFeaturesCommand,
  ListSAMLProvidersCommand,
  NoSuchEntityException,
  ServiceFailureException,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountSummary, iamRoles, identityProviders, organizationsFeatures, passwordPolicy } from '../../src/datasets/iam/datasets.js';
import { ACCOUNT_ID, awsError, collect, testContext } from './context.js';

const iam = mockClient(IAMClient);
const encode = (document: object) => encodeURIComponent(JSON.stringify(document));

beforeEach(() => iam.reset());

describe('iam.accountSummary', () => {
  it('reads root password and MFA presence from the summary map', async () => {
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountPasswordPresent: 0, Users: 4 } });
    expect(await collect(accountSummary, testContext('us-east-1'))).toEqual({ rootMfaEnabled: true, rootPasswordPresent: false });
  });

  it('leaves the password unknown when IAM does not report AccountPasswordPresent', async () => {
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 0 } });
    expect(await collect(accountSummary, testContext('us-east-1'))).toEqual({ rootMfaEnabled: false });
  });

  it('fails on a summary without AccountMFAEnabled', async () => {
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { Users: 4 } });
    await expect(collect(accountSummary, testContext('us-east-1'))).rejects.toThrow(/AccountMFAEnabled/);
  });
});

describe('iam.passwordPolicy', () => {
  it('keeps the length and reuse prevention', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true } });
    expect(await collect(passwordPolicy, testContext('us-east-1'))).toEqual({ policy: { minimumPasswordLength: 14, passwordReusePrevention: 24 } });
  });

  it('turns NoSuchEntity into "no custom policy": an answer, not an error', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: 'The Password Policy with domain name 1 cannot be found.', $metadata: {} }));
    expect(await collect(passwordPolicy, testContext('us-east-1'))).toEqual({});
  });

  it('lets AccessDenied propagate', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('AccessDenied'));
    await expect(collect(passwordPolicy, testContext('us-east-1'))).rejects.toThrow('AccessDenied');
  });
});

describe('iam.roles', () => {
  it('reads every role across pages with Filter Role: decoded trust policy with principals, attachments and last use', async () => {
    const trust = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '999988887777', Service: ['ec2.amazonaws.com'] }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } } };
    iam
      .on(GetAccountAuthorizationDetailsCommand, { Filter: ['Role'] })
      .resolvesOnce({
        RoleDetailList: [{
          RoleName: 'vendor', Arn: `arn:aws:iam::${ACCOUNT_ID}:role/vendor`, Path: '/', CreateDate: new Date('2025-01-01T00:00:00Z'),
          AssumeRolePolicyDocument: encode(trust), AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
          RoleLastUsed: { LastUsedDate: new Date('2026-11-01T00:00:00Z'), Region: 'eu-west-1' },
        }],
        IsTruncated: true,
        Marker: 'page-2',
      })
      .resolves({
        RoleDetailList: [{ RoleName: 'idle', Arn: `arn:aws:iam::${ACCOUNT_ID}:role/idle`, CreateDate: new Date('2024-01-01T00:00:00Z'), AssumeRolePolicyDocument: encode({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] }), RoleLastUsed: {} }],
        IsTruncated: false,
      });
    const { roles } = await collect(iamRoles, testContext('us-east-1'));
    expect(roles).toEqual([
      {
        roleName: 'vendor', arn: `arn:aws:iam::${ACCOUNT_ID}:role/vendor`, path: '/', createDate: '2025-01-01T00:00:00.000Z',
        trustPolicy: { statements: [expect.objectContaining({ principal: { AWS: ['999988887777'], Service: ['ec2.amazonaws.com'] }, action: ['sts:AssumeRole'], condition: { StringEquals: { 'sts:ExternalId': ['x'] } } })] },
        attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
        lastUsed: '2026-11-01T00:00:00.000Z',
      },
      expect.objectContaining({ roleName: 'idle', path: '/', trustPolicy: { statements: [expect.objectContaining({ principal: '*' })] } }),
    ]);
    expect(roles[1]).not.toHaveProperty('lastUsed');
    const calls = iam.commandCalls(GetAccountAuthorizationDetailsCommand);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.args[0].input.Filter)).toEqual([['Role'], ['Role']]);
  });

  it('fails on a principal it cannot read', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      RoleDetailList: [{ RoleName: 'x', Arn: 'arn:aws:iam::1:role/x', CreateDate: new Date(), AssumeRolePolicyDocument: encode({ Statement: [{ Effect: 'Allow', Principal: 42, Action: 'sts:AssumeRole' }] }) }],
    });
    await expect(collect(iamRoles, testContext('us-east-1'))).rejects.toThrow(/Unexpected Principal/);
  });
});

describe('iam.identityProviders', () => {
  it('lists the SAML and OIDC providers', async () => {
    iam.on(ListSAMLProvidersCommand).resolves({ SAMLProviderList: [{ Arn: `arn:aws:iam::${ACCOUNT_ID}:saml-provider/okta` }] });
    iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] });
    expect(await collect(identityProviders, testContext('us-east-1'))).toEqual({ samlProviderArns: [`arn:aws:iam::${ACCOUNT_ID}:saml-provider/okta`], oidcProviderArns: [] });
  });
});

describe('iam.organizationsFeatures', () => {
  it('reads the centralized root access features', async () => {
    iam.on(ListOrganizationsFeaturesCommand).resolves({ OrganizationId: 'o-abc123', EnabledFeatures: ['RootCredentialsManagement'] });
    expect(await collect(organizationsFeatures, testContext('us-east-1'))).toEqual({ organizationId: 'o-abc123', enabledFeatures: ['RootCredentialsManagement'] });
  });

  it.each([
    ['the modeled class', () => new AccountNotManagementOrDelegatedAdministratorException({ message: 'not the management account', $metadata: {} }), 'AccountNotManagementOrDelegatedAdministratorException'],
    ['the wire code without the suffix', () => awsError('ServiceAccessNotEnabled', 'trusted access for IAM is off'), 'ServiceAccessNotEnabled'],
    ['no organization', () => awsError('OrganizationNotFoundException'), 'OrganizationNotFoundException'],
    ['a consolidated-billing organization', () => awsError('OrganizationNotInAllFeaturesMode'), 'OrganizationNotInAllFeaturesMode'],
  ])('records a refusal as an answer: %s', async (_name, error, code) => {
    iam.on(ListOrganizationsFeaturesCommand).rejects(error());
    expect(await collect(organizationsFeatures, testContext('us-east-1'))).toEqual({ refusal: { code, message: expect.any(String) } });
  });

  it('lets other errors propagate', async () => {
    iam.on(ListOrganizationsFeaturesCommand).rejects(new ServiceFailureException({ message: 'boom', $metadata: {} }));
    await expect(collect(organizationsFeatures, testContext('us-east-1'))).rejects.toBeInstanceOf(ServiceFailureException);
  });
});
