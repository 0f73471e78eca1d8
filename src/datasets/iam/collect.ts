import type * as SdkIam from '@aws-sdk/client-iam';
import type {
  AttachedPolicy,
  GroupDetail,
  ManagedPolicyDetail as SdkManagedPolicyDetail,
  PolicyDetail,
  RoleDetail,
  UserDetail,
} from '@aws-sdk/client-iam';
import { classifyError } from '../../aws/errors.js';
import { defineCollector } from '../../contract/collector.js';
import {
  accessKeys,
  accountSummary,
  awsManagedPolicies,
  credentialReport,
  iamAuthorization,
  iamRoles,
  identityProviders,
  organizationsFeatures,
  passwordPolicy,
  serverCertificates,
} from './datasets.js';
import type {
  AccessKeyMetadata,
  AccessKeysEvidence,
  AwsManagedPolicy,
  CredentialReportEvidence,
  IamAuthorizationEvidence,
  IamGroupDetail,
  IamRoleDetail,
  IamUserDetail,
  OrganizationsFeaturesEvidence,
  ManagedPolicyDetail,
  ManagedPolicyRef,
} from './datasets.js';
import type { NamedPolicy } from '../policy-types.js';
import { fetchCredentialReport, parseCredentialReport } from './credential-report.js';
import { decodePolicyDocument } from '../policy-document.js';
import { collectPages, isErrorNamed, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListOrganizationsFeaturesCommand,
  ListSAMLProvidersCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListAccessKeys,
  paginateListServerCertificates,
} = sdkModule<typeof SdkIam>('@aws-sdk/client-iam');
type IAMClient = SdkIam.IAMClient;

const collectCredentialReport = defineCollector(credentialReport, async (ctx) => {
  const report = await fetchCredentialReport(ctx.clients.get(IAMClient));
  const csv = Buffer.from(required(report.Content, 'GetCredentialReport.Content')).toString('utf8');
  return parseCredentialReport(csv, report.GeneratedTime);
});

function inlinePolicies(list: PolicyDetail[] | undefined): NamedPolicy[] {
  return (list ?? []).map((policy) => ({ name: required(policy.PolicyName, 'PolicyName'), document: decodePolicyDocument(required(policy.PolicyDocument, 'PolicyDocument')) }));
}

function attachedPolicies(list: AttachedPolicy[] | undefined): ManagedPolicyRef[] {
  return (list ?? []).map((policy) => ({ name: required(policy.PolicyName, 'PolicyName'), arn: required(policy.PolicyArn, 'PolicyArn') }));
}

function toUser(user: UserDetail): IamUserDetail {
  return {
    userName: required(user.UserName, 'UserName'),
    arn: required(user.Arn, 'Arn'),
    inlinePolicies: inlinePolicies(user.UserPolicyList),
    attachedPolicies: attachedPolicies(user.AttachedManagedPolicies),
    groups: user.GroupList ?? [],
    permissionsBoundaryArn: user.PermissionsBoundary?.PermissionsBoundaryArn,
  };
}

function toGroup(group: GroupDetail): IamGroupDetail {
  return {
    groupName: required(group.GroupName, 'GroupName'),
    arn: required(group.Arn, 'Arn'),
    inlinePolicies: inlinePolicies(group.GroupPolicyList),
    attachedPolicies: attachedPolicies(group.AttachedManagedPolicies),
  };
}

function toCustomerManagedPolicy(policy: SdkManagedPolicyDetail): ManagedPolicyDetail {
  const version = policy.PolicyVersionList?.find((v) => v.IsDefaultVersion === true);
  if (version?.Document === undefined) throw new Error(`Policy ${policy.Arn ?? policy.PolicyName} came without its default version`);
  return { name: required(policy.PolicyName, 'PolicyName'), arn: required(policy.Arn, 'Arn'), awsManaged: false, document: decodePolicyDocument(version.Document) };
}

const AWS_MANAGED_ARN = /^arn:[^:]+:iam::aws:policy\//;

/** AWS-managed policies attached to users or groups, by name and ARN (iam.awsManagedPolicies holds their documents). */
function awsManagedRefs(attached: ManagedPolicyRef[]): ManagedPolicyDetail[] {
  const byArn = new Map(attached.filter((ref) => AWS_MANAGED_ARN.test(ref.arn)).map((ref) => [ref.arn, ref]));
  return [...byArn.values()].map((ref) => ({ name: ref.name, arn: ref.arn, awsManaged: true }));
}

const collectIamAuthorization = defineCollector(iamAuthorization, async (ctx) => {
  const client = ctx.clients.get(IAMClient);
  // Users and groups name their AWS-managed policies; iam.awsManagedPolicies fetches the documents a check needs.
  const pages = paginateGetAccountAuthorizationDetails({ client }, { Filter: ['User', 'Group', 'LocalManagedPolicy'] });
  const users: IamUserDetail[] = [];
  const groups: IamGroupDetail[] = [];
  const customerManaged: ManagedPolicyDetail[] = [];
  for await (const page of pages) {
    users.push(...(page.UserDetailList ?? []).map(toUser));
    groups.push(...(page.GroupDetailList ?? []).map(toGroup));
    customerManaged.push(...(page.Policies ?? []).map(toCustomerManagedPolicy));
  }
  const attached = [...users, ...groups].flatMap((principal) => principal.attachedPolicies);
  return { users, groups, policies: [...customerManaged, ...awsManagedRefs(attached)] };
});

/** Users the credential report shows with an active key (root aside: it has no policies). */
function keyHolders(report: CredentialReportEvidence): string[] {
  return report.entries.filter((e) => !e.isRoot && e.keys.some((k) => k.active)).map((e) => e.user);
}

/** ARNs of the AWS-managed policies attached to these users, directly or through their groups. */
function awsManagedAttachedTo(userNames: string[], auth: IamAuthorizationEvidence): string[] {
  const users = auth.users.filter((u) => userNames.includes(u.userName));
  const groups = auth.groups.filter((g) => users.some((u) => u.groups.includes(g.groupName)));
  const refs = [...users, ...groups].flatMap((principal) => principal.attachedPolicies);
  return [...new Set(refs.map((ref) => ref.arn).filter((arn) => AWS_MANAGED_ARN.test(arn)))].sort();
}

async function defaultVersion(client: IAMClient, arn: string): Promise<AwsManagedPolicy> {
  const { Policy } = await client.send(new GetPolicyCommand({ PolicyArn: arn }));
  const versionId = required(Policy?.DefaultVersionId, `GetPolicy.DefaultVersionId for ${arn}`);
  const { PolicyVersion } = await client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
  const document = decodePolicyDocument(required(PolicyVersion?.Document, `GetPolicyVersion.Document for ${arn}`));
  return { name: required(Policy?.PolicyName, 'PolicyName'), arn, versionId, document };
}

const collectAwsManagedPolicies = defineCollector(awsManagedPolicies, async (ctx) => {
  const [report, auth] = await Promise.all([ctx.dataset(credentialReport), ctx.dataset(iamAuthorization)]);
  const client = ctx.clients.get(IAMClient);
  // Identical in every account of a partition (the ARN names the partition): one fetch per scan.
  const policies = await Promise.all(
    awsManagedAttachedTo(keyHolders(report), auth).map((arn) => ctx.shared.get(`iam:aws-managed-policy:${arn}`, () => defaultVersion(client, arn))),
  );
  return { policies };
});

type UserKeys = AccessKeysEvidence['users'][number];

async function listUserKeys(client: IAMClient, userName: string): Promise<UserKeys | undefined> {
  try {
    const keys = await collectPages(paginateListAccessKeys({ client }, { UserName: userName }), (page) => page.AccessKeyMetadata);
    return {
      userName,
      keys: keys.map((k): AccessKeyMetadata => ({
        accessKeyId: required(k.AccessKeyId, 'AccessKeyId'),
        status: k.Status === 'Active' ? 'Active' : 'Inactive',
        createDate: required(isoDate(k.CreateDate), 'CreateDate'),
      })),
    };
  } catch (err) {
    // The report can be hours old: a user deleted since then is an answer, not a fault.
    if (isErrorNamed(err, 'NoSuchEntityException')) return undefined;
    throw err;
  }
}

const collectAccessKeys = defineCollector(accessKeys, async (ctx) => {
  // Root keys cannot be listed per user; the report's root row is the evidence for them.
  const userNames = keyHolders(await ctx.dataset(credentialReport));
  const client = ctx.clients.get(IAMClient);
  const listed = await Promise.all(userNames.map((userName) => listUserKeys(client, userName)));
  const users = listed.filter((entry): entry is UserKeys => entry !== undefined);
  const deletedUsers = userNames.filter((_, i) => listed[i] === undefined);
  return { users, deletedUsers };
});

const collectServerCertificates = defineCollector(serverCertificates, async (ctx) => {
  const pages = paginateListServerCertificates({ client: ctx.clients.get(IAMClient) }, {});
  const certificates = await collectPages(pages, (page) => page.ServerCertificateMetadataList);
  return {
    certificates: certificates.map((cert) => ({
      name: required(cert.ServerCertificateName, 'ServerCertificateName'),
      arn: required(cert.Arn, 'Arn'),
      id: required(cert.ServerCertificateId, 'ServerCertificateId'),
      expiration: required(isoDate(cert.Expiration), 'Expiration'),
      uploadDate: isoDate(cert.UploadDate),
    })),
  };
});

const collectAccountSummary = defineCollector(accountSummary, async (ctx) => {
  const { SummaryMap: summary } = await ctx.clients.get(IAMClient).send(new GetAccountSummaryCommand({}));
  const mfa = required(summary?.AccountMFAEnabled, 'GetAccountSummary.SummaryMap.AccountMFAEnabled');
  const password = summary?.AccountPasswordPresent;
  return { rootMfaEnabled: mfa > 0, ...(password !== undefined && { rootPasswordPresent: password > 0 }) };
});

const collectPasswordPolicy = defineCollector(passwordPolicy, async (ctx) => {
  try {
    const { PasswordPolicy: policy } = await ctx.clients.get(IAMClient).send(new GetAccountPasswordPolicyCommand({}));
    return { policy: { minimumPasswordLength: policy?.MinimumPasswordLength, passwordReusePrevention: policy?.PasswordReusePrevention } };
  } catch (err) {
    // IAM's answer when the account has no custom policy (the console then shows AWS's default).
    if (isErrorNamed(err, 'NoSuchEntityException')) return {};
    throw err;
  }
});

function toRole(role: RoleDetail): IamRoleDetail {
  const trust = required(role.AssumeRolePolicyDocument, `AssumeRolePolicyDocument of ${role.Arn ?? role.RoleName}`);
  const lastUsed = isoDate(role.RoleLastUsed?.LastUsedDate);
  return {
    roleName: required(role.RoleName, 'RoleName'),
    arn: required(role.Arn, 'Arn'),
    path: role.Path ?? '/',
    createDate: required(isoDate(role.CreateDate), 'CreateDate'),
    trustPolicy: decodePolicyDocument(trust),
    attachedPolicies: attachedPolicies(role.AttachedManagedPolicies),
    ...(lastUsed && { lastUsed }),
  };
}

const collectRoles = defineCollector(iamRoles, async (ctx) => {
  const pages = paginateGetAccountAuthorizationDetails({ client: ctx.clients.get(IAMClient) }, { Filter: ['Role'] });
  return { roles: (await collectPages(pages, (page) => page.RoleDetailList)).map(toRole) };
});

const collectIdentityProviders = defineCollector(identityProviders, async (ctx) => {
  const client = ctx.clients.get(IAMClient);
  const [saml, oidc] = await Promise.all([client.send(new ListSAMLProvidersCommand({})), client.send(new ListOpenIDConnectProvidersCommand({}))]);
  return {
    samlProviderArns: (saml.SAMLProviderList ?? []).map((p) => required(p.Arn, 'SAMLProvider.Arn')),
    oidcProviderArns: (oidc.OpenIDConnectProviderList ?? []).map((p) => required(p.Arn, 'OpenIDConnectProvider.Arn')),
  };
});

// IAM's answers when the caller cannot see the organization's features. The SDK names them after the
// modeled class, or after the wire code when IAM sends the code without the suffix, so both spellings
// count. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html
const ORGANIZATIONS_FEATURES_REFUSALS = [
  'AccountNotManagementOrDelegatedAdministrator',
  'OrganizationNotFound',
  'OrganizationNotInAllFeaturesMode',
  'ServiceAccessNotEnabled',
].flatMap((code) => [code, `${code}Exception`]);

const collectOrganizationsFeatures = defineCollector(organizationsFeatures, async (ctx): Promise<OrganizationsFeaturesEvidence> => {
  try {
    const { OrganizationId, EnabledFeatures } = await ctx.clients.get(IAMClient).send(new ListOrganizationsFeaturesCommand({}));
    return { ...(OrganizationId && { organizationId: OrganizationId }), enabledFeatures: EnabledFeatures ?? [] };
  } catch (err) {
    if (!ORGANIZATIONS_FEATURES_REFUSALS.some((name) => isErrorNamed(err, name))) throw err;
    const { code, message } = classifyError(err, 'iam:ListOrganizationsFeatures');
    return { refusal: { code, message } };
  }
});

export const COLLECTORS = [
  collectCredentialReport,
  collectIamAuthorization,
  collectAwsManagedPolicies,
  collectAccessKeys,
  collectServerCertificates,
  collectAccountSummary,
  collectPasswordPolicy,
  collectRoles,
  collectIdentityProviders,
  collectOrganizationsFeatures,
];
