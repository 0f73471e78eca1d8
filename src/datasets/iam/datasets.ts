// AWS IAM datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';
import type { NamedPolicy, PolicyDocument } from '../policy-types.js';

export interface CredentialReportKey {
  slot: 1 | 2;
  active: boolean;
  lastRotated?: string;
  lastUsed?: string;
}

export interface CredentialReportEntry {
  user: string;
  arn: string;
  isRoot: boolean;
  userCreationTime?: string;
  /** Absent when the report says not_supported (the root row). */
  passwordEnabled?: boolean;
  /** Absent when the password was never used or no use was recorded. */
  passwordLastUsed?: string;
  mfaActive?: boolean;
  /** Always both slots (1 and 2); a slot without a key is inactive with no dates. */
  keys: CredentialReportKey[];
}

export interface CredentialReportEvidence {
  /** When IAM generated the report (can be up to 4 hours before the scan). */
  generatedAt: string;
  entries: CredentialReportEntry[];
}

export interface ManagedPolicyRef {
  name: string;
  arn: string;
}

export interface IamUserDetail {
  userName: string;
  arn: string;
  inlinePolicies: NamedPolicy[];
  attachedPolicies: ManagedPolicyRef[];
  groups: string[];
  permissionsBoundaryArn?: string;
}

export interface IamGroupDetail {
  groupName: string;
  arn: string;
  inlinePolicies: NamedPolicy[];
  attachedPolicies: ManagedPolicyRef[];
}

export interface ManagedPolicyDetail {
  name: string;
  arn: string;
  /** The default version's document. Present for customer-managed policies. */
  document?: PolicyDocument;
  awsManaged: boolean;
}

/** From GetAccountAuthorizationDetails (users, groups, customer-managed policies). */
export interface IamAuthorizationEvidence {
  users: IamUserDetail[];
  groups: IamGroupDetail[];
  /** Customer-managed policies with documents; AWS-managed ones are referenced by name/ARN only. */
  policies: ManagedPolicyDetail[];
}

/** An AWS-managed policy's default version, as GetPolicy and GetPolicyVersion return it. */
export interface AwsManagedPolicy {
  name: string;
  arn: string;
  versionId: string;
  document: PolicyDocument;
}

/** The AWS-managed policies attached to users with an active key, directly or through a group. */
export interface AwsManagedPoliciesEvidence {
  policies: AwsManagedPolicy[];
}

export interface AccessKeyMetadata {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
  createDate: string;
}

/** ListAccessKeys, re-read for each user the credential report shows with an active key. */
export interface AccessKeysEvidence {
  users: { userName: string; keys: AccessKeyMetadata[] }[];
  /** Users the report listed with an active key that IAM no longer knows (deleted since the report). */
  deletedUsers?: string[];
}

export interface ServerCertificate {
  name: string;
  arn: string;
  /** ServerCertificateId, which CloudFront names the certificate by. */
  id: string;
  expiration: string;
  uploadDate?: string;
}

export interface ServerCertificatesEvidence {
  certificates: ServerCertificate[];
}

export const credentialReport = defineDataset<CredentialReportEvidence>({
  id: 'iam.credentialReport',
  scope: 'global',
  actions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  startsFirst: true,
});

export const iamAuthorization = defineDataset<IamAuthorizationEvidence>({
  id: 'iam.authorizationDetails',
  scope: 'global',
  actions: ['iam:GetAccountAuthorizationDetails'],
});

// AWS-managed policies are the same in every account: the collector fetches each once per scan.
export const awsManagedPolicies = defineDataset<AwsManagedPoliciesEvidence>({
  id: 'iam.awsManagedPolicies',
  scope: 'global',
  actions: ['iam:GetPolicy', 'iam:GetPolicyVersion'],
  dependsOn: [credentialReport, iamAuthorization],
});

export const accessKeys = defineDataset<AccessKeysEvidence>({
  id: 'iam.accessKeys',
  scope: 'global',
  actions: ['iam:ListAccessKeys'],
  dependsOn: [credentialReport],
});

export const serverCertificates = defineDataset<ServerCertificatesEvidence>({
  id: 'iam.serverCertificates',
  scope: 'global',
  actions: ['iam:ListServerCertificates'],
});

/** The root user's credentials as GetAccountSummary counts them. */
export interface AccountSummaryEvidence {
  /** From AccountPasswordPresent; absent when IAM's SummaryMap lacks the key (then unknown, not "no password"). */
  rootPasswordPresent?: boolean;
  /** From AccountMFAEnabled. */
  rootMfaEnabled: boolean;
}

/** GetAccountPasswordPolicy: `policy` is absent when IAM answers NoSuchEntity (no custom policy; AWS's default applies). */
export interface PasswordPolicyEvidence {
  policy?: {
    minimumPasswordLength?: number;
    /** How many previous passwords users may not reuse; absent when reuse is allowed. */
    passwordReusePrevention?: number;
  };
}

export interface IamRoleDetail {
  roleName: string;
  arn: string;
  path: string;
  createDate: string;
  trustPolicy: PolicyDocument;
  attachedPolicies: ManagedPolicyRef[];
  /** RoleLastUsed.LastUsedDate; IAM tracks the trailing 400 days, so absent means not used in that time (or never). */
  lastUsed?: string;
}

/** GetAccountAuthorizationDetails with Filter Role: trust policies, attached policies and last use. */
export interface IamRolesEvidence {
  roles: IamRoleDetail[];
}

/** The SAML and OIDC identity providers of the account (people who federate into it). */
export interface IdentityProvidersEvidence {
  samlProviderArns: string[];
  oidcProviderArns: string[];
}

/**
 * IAM ListOrganizationsFeatures, read once per scan with the caller's credentials: the organization's
 * centralized root access features, or IAM's refusal (it answers only in the management account or an
 * IAM delegated administrator, with trusted access for IAM, in an all-features organization).
 */
export interface OrganizationsFeaturesEvidence {
  organizationId?: string;
  /** `RootCredentialsManagement`, `RootSessions`. */
  enabledFeatures?: string[];
  /** The refusal, an answer about the caller and its organization, e.g. ServiceAccessNotEnabledException. */
  refusal?: { code: string; message: string };
}

export const accountSummary = defineDataset<AccountSummaryEvidence>({
  id: 'iam.accountSummary',
  scope: 'global',
  actions: ['iam:GetAccountSummary'],
});

export const passwordPolicy = defineDataset<PasswordPolicyEvidence>({
  id: 'iam.passwordPolicy',
  scope: 'global',
  actions: ['iam:GetAccountPasswordPolicy'],
});

// Roles come in their own paginated walk (Filter Role), apart from users and groups: only the FTR
// identity checks read them.
export const iamRoles = defineDataset<IamRolesEvidence>({
  id: 'iam.roles',
  scope: 'global',
  actions: ['iam:GetAccountAuthorizationDetails'],
});

export const identityProviders = defineDataset<IdentityProvidersEvidence>({
  id: 'iam.identityProviders',
  scope: 'global',
  actions: ['iam:ListSAMLProviders', 'iam:ListOpenIDConnectProviders'],
});

export const organizationsFeatures = defineDataset<OrganizationsFeaturesEvidence>({
  id: 'iam.organizationsFeatures',
  scope: 'organization',
  actions: ['iam:ListOrganizationsFeatures'],
});
