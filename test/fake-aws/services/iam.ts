// IAM (awsQuery): the credential report, authorization details (users, groups, roles, policies),
// AWS-managed policy documents, access keys, server certificates, the account summary and password
// policy, identity providers, and the organization's centralized root access features.

import { FakeAwsError } from '../errors.js';
import { formList, paginate } from '../params.js';
import { awsQuery } from '../protocols/query.js';
import { resolveWhen, type AccountSpec } from '../scenario.js';
import type { OrganizationSpec } from './organizations.js';
import { defineService, type HandlerContext } from '../service.js';
import type { CredentialReportState } from '../state.js';
import { accessKeyId, credentialReportCsv, findUser, policyArn, policyName, userArn, type InlinePolicySpec, type PolicyDocumentJson } from './iam-model.js';

const REPORT_TTL_MS = 4 * 3_600_000;

function reportState(ctx: HandlerContext): CredentialReportState {
  let state = ctx.state.credentialReports.get(ctx.account.id);
  if (!state) {
    const existing = ctx.account.iam?.credentialReportGenerated;
    state = { generatedAt: existing ? resolveWhen(existing, ctx.now) : undefined, pendingPolls: 0 };
    ctx.state.credentialReports.set(ctx.account.id, state);
  }
  return state;
}

function inProgress(state: CredentialReportState, now: Date): boolean {
  return state.pendingPolls > 0 || (state.readyAt !== undefined && now.getTime() < state.readyAt);
}

function generateCredentialReport(ctx: HandlerContext): unknown {
  const state = reportState(ctx);
  if (inProgress(state, ctx.now)) return { State: 'INPROGRESS', Description: 'Report generation in progress.' };
  if (state.generatedAt && ctx.now.getTime() - state.generatedAt.getTime() < REPORT_TTL_MS) {
    return { State: 'COMPLETE', Description: 'Report is complete.' };
  }
  state.generatedAt = ctx.now;
  state.pendingPolls = ctx.account.iam?.credentialReportPolls ?? 0;
  state.readyAt = ctx.now.getTime() + (ctx.account.iam?.credentialReportMs ?? 0);
  return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
}

function getCredentialReport(ctx: HandlerContext): unknown {
  const state = reportState(ctx);
  if (inProgress(state, ctx.now)) {
    state.pendingPolls = Math.max(0, state.pendingPolls - 1);
    throw new FakeAwsError('ReportInProgress', 404, 'Report generation in progress.');
  }
  if (!state.generatedAt) throw new FakeAwsError('ReportNotPresent', 410, 'Credential report not present.');
  if (ctx.now.getTime() - state.generatedAt.getTime() >= REPORT_TTL_MS) {
    throw new FakeAwsError('ReportExpired', 410, 'The most recent credential report has expired. Generate a new one.');
  }
  const csv = credentialReportCsv(ctx.account, state.generatedAt);
  return { Content: Buffer.from(csv).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: state.generatedAt };
}

function encodeDocument(document: PolicyDocumentJson): string {
  return encodeURIComponent(JSON.stringify({ Version: '2012-10-17', ...document }));
}

function inlineList(policies: InlinePolicySpec[] | undefined): unknown[] {
  return (policies ?? []).map((p) => ({ PolicyName: p.name, PolicyDocument: encodeDocument(p.document) }));
}

function attachedList(account: AccountSpec, refs: string[] | undefined): unknown[] {
  return (refs ?? []).map((ref) => ({ PolicyName: policyName(policyArn(account, ref)), PolicyArn: policyArn(account, ref) }));
}

/** Documents of the AWS-managed policies a scenario may attach (abridged); others read as a service-scoped allow. */
const AWS_MANAGED: Record<string, PolicyDocumentJson> = {
  AdministratorAccess: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  PowerUserAccess: { Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }] },
  IAMFullAccess: { Statement: [{ Effect: 'Allow', Action: ['iam:*'], Resource: '*' }] },
  AmazonS3FullAccess: { Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }] },
  AWSCompromisedKeyQuarantineV3: { Statement: [{ Effect: 'Deny', Action: ['iam:AttachUserPolicy', 'iam:CreateAccessKey', 'ec2:RunInstances', 'lambda:CreateFunction'], Resource: '*' }] },
};

const SERVICE_SCOPED: PolicyDocumentJson = { Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*'], Resource: '*' }] };

function awsManagedDocument(arn: string): PolicyDocumentJson {
  return AWS_MANAGED[policyName(arn)] ?? SERVICE_SCOPED;
}

interface Entry {
  kind: 'User' | 'Group' | 'Role' | 'LocalManagedPolicy' | 'AWSManagedPolicy';
  value: unknown;
}

function policyEntry(arn: string, document: PolicyDocumentJson, created: Date): unknown {
  return {
    PolicyName: policyName(arn), PolicyId: `ANPA${policyName(arn).toUpperCase().slice(0, 16)}`, Arn: arn, Path: '/',
    DefaultVersionId: 'v1', AttachmentCount: 1, IsAttachable: true, CreateDate: created, UpdateDate: created,
    PolicyVersionList: [{ Document: encodeDocument(document), VersionId: 'v1', IsDefaultVersion: true, CreateDate: created }],
  };
}

function authorizationEntries(account: AccountSpec, now: Date): Entry[] {
  const iam = account.iam ?? {};
  const created = resolveWhen('-400d', now);
  const users: Entry[] = (iam.users ?? []).map((u) => ({
    kind: 'User',
    value: {
      Path: '/', UserName: u.name, UserId: `AIDA${u.name.toUpperCase().slice(0, 16)}`, Arn: userArn(account, u.name),
      CreateDate: resolveWhen(u.created ?? '-400d', now), UserPolicyList: inlineList(u.inlinePolicies), GroupList: u.groups ?? [],
      AttachedManagedPolicies: attachedList(account, u.attachedPolicies),
      PermissionsBoundary: u.permissionsBoundary
        ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policyArn(account, u.permissionsBoundary) }
        : undefined,
    },
  }));
  const groups: Entry[] = (iam.groups ?? []).map((g) => ({
    kind: 'Group',
    value: {
      Path: '/', GroupName: g.name, GroupId: `AGPA${g.name.toUpperCase().slice(0, 16)}`,
      Arn: `arn:aws:iam::${account.id}:group/${g.name}`, CreateDate: created,
      GroupPolicyList: inlineList(g.inlinePolicies), AttachedManagedPolicies: attachedList(account, g.attachedPolicies),
    },
  }));
  const roles: Entry[] = (iam.roles ?? []).map((r) => ({
    kind: 'Role',
    value: {
      Path: r.path ?? '/', RoleName: r.name, RoleId: `AROA${r.name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 16)}`,
      Arn: `arn:aws:iam::${account.id}:role${r.path ?? '/'}${r.name}`, CreateDate: resolveWhen(r.created ?? '-400d', now),
      AssumeRolePolicyDocument: encodeDocument(r.trust), InstanceProfileList: [], RolePolicyList: [],
      AttachedManagedPolicies: attachedList(account, r.attachedPolicies),
      RoleLastUsed: r.lastUsed ? { LastUsedDate: resolveWhen(r.lastUsed, now), Region: 'us-east-1' } : {},
    },
  }));
  const local: Entry[] = (iam.policies ?? []).map((p) => ({ kind: 'LocalManagedPolicy', value: policyEntry(policyArn(account, p.name), p.document, created) }));
  const referenced = new Set([...(iam.users ?? []), ...(iam.groups ?? [])].flatMap((x) => x.attachedPolicies ?? []).filter((r) => r.startsWith('arn:aws:iam::aws:')));
  const managed: Entry[] = [...referenced].map((arn) => ({
    kind: 'AWSManagedPolicy',
    value: policyEntry(arn, awsManagedDocument(arn), created),
  }));
  return [...users, ...groups, ...roles, ...local, ...managed];
}

function getAccountAuthorizationDetails(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const filter = formList(form, 'Filter');
  const entries = authorizationEntries(ctx.account, ctx.now).filter((e) => filter.length === 0 || filter.includes(e.kind));
  const page = paginate(entries, form.get('Marker'), Number(form.get('MaxItems') ?? 100), 'InvalidInput');
  const of = (kind: Entry['kind'][]) => page.items.filter((e) => kind.includes(e.kind)).map((e) => e.value);
  return {
    UserDetailList: of(['User']),
    GroupDetailList: of(['Group']),
    RoleDetailList: of(['Role']),
    Policies: of(['LocalManagedPolicy', 'AWSManagedPolicy']),
    IsTruncated: page.nextToken !== undefined,
    Marker: page.nextToken,
  };
}

/** The policy's document: AWS-managed ones exist everywhere, customer-managed ones in their account. */
function findPolicy(ctx: HandlerContext, arn: string): PolicyDocumentJson {
  if (arn.startsWith('arn:aws:iam::aws:policy/')) return awsManagedDocument(arn);
  const local = (ctx.account.iam?.policies ?? []).find((p) => policyArn(ctx.account, p.name) === arn);
  if (!local) throw new FakeAwsError('NoSuchEntity', 404, `Policy ${arn} does not exist or is not attachable.`);
  return local.document;
}

function getPolicy(ctx: HandlerContext): unknown {
  const arn = ctx.input.form.get('PolicyArn') ?? '';
  findPolicy(ctx, arn);
  const created = resolveWhen('-400d', ctx.now);
  return {
    Policy: {
      PolicyName: policyName(arn), PolicyId: `ANPA${policyName(arn).toUpperCase().slice(0, 16)}`, Arn: arn, Path: '/',
      DefaultVersionId: 'v1', AttachmentCount: 1, IsAttachable: true, CreateDate: created, UpdateDate: created,
    },
  };
}

function getPolicyVersion(ctx: HandlerContext): unknown {
  const arn = ctx.input.form.get('PolicyArn') ?? '';
  const document = findPolicy(ctx, arn);
  const versionId = ctx.input.form.get('VersionId');
  if (versionId !== 'v1') throw new FakeAwsError('NoSuchEntity', 404, `Policy ${arn} version ${versionId ?? ''} does not exist.`);
  return { PolicyVersion: { Document: encodeDocument(document), VersionId: 'v1', IsDefaultVersion: true, CreateDate: resolveWhen('-400d', ctx.now) } };
}

function listAccessKeys(ctx: HandlerContext): unknown {
  const userName = ctx.input.form.get('UserName') ?? '';
  const user = findUser(ctx.account, userName);
  if (!user) throw new FakeAwsError('NoSuchEntity', 404, `The user with name ${userName} cannot be found.`);
  const keys = (user.keys ?? []).map((key, i) => ({
    UserName: user.name,
    AccessKeyId: accessKeyId(ctx.account, user.name, i, key),
    Status: key.status ?? 'Active',
    CreateDate: resolveWhen(key.created, ctx.now),
  }));
  return { AccessKeyMetadata: keys, IsTruncated: false };
}

function listServerCertificates(ctx: HandlerContext): unknown {
  const certs = (ctx.account.iam?.serverCertificates ?? []).map((c) => ({
    Path: '/', ServerCertificateName: c.name, ServerCertificateId: `ASCA${c.name.toUpperCase().slice(0, 16)}`,
    Arn: `arn:aws:iam::${ctx.account.id}:server-certificate/${c.name}`,
    UploadDate: resolveWhen(c.uploaded ?? '-300d', ctx.now), Expiration: resolveWhen(c.expiration, ctx.now),
  }));
  const page = paginate(certs, ctx.input.form.get('Marker'), Number(ctx.input.form.get('MaxItems') ?? 100), 'InvalidInput');
  return { ServerCertificateMetadataList: page.items, IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
}

function getAccountSummary(ctx: HandlerContext): unknown {
  const iam = ctx.account.iam ?? {};
  const root = iam.root ?? {};
  const present = (yes: boolean) => (yes ? 1 : 0);
  const summary: [string, number][] = [
    ['Users', iam.users?.length ?? 0], ['Groups', iam.groups?.length ?? 0], ['Roles', iam.roles?.length ?? 0], ['Policies', iam.policies?.length ?? 0],
    ['AccountMFAEnabled', present(root.mfa ?? true)], ['AccountAccessKeysPresent', present((root.keys ?? []).length > 0)],
    ['AccountPasswordPresent', present(root.password ?? false)], ['AccountSigningCertificatesPresent', 0], ['UsersQuota', 5000], ['RolesQuota', 1000],
  ];
  return { SummaryMap: new Map(summary) };
}

function getAccountPasswordPolicy(ctx: HandlerContext): unknown {
  const policy = ctx.account.iam?.passwordPolicy;
  if (!policy) throw new FakeAwsError('NoSuchEntity', 404, `The Password Policy with domain name ${ctx.account.id} cannot be found.`);
  return {
    PasswordPolicy: {
      MinimumPasswordLength: policy.minimumLength ?? 8, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: false,
      ...(policy.reusePrevention !== undefined && { PasswordReusePrevention: policy.reusePrevention }),
    },
  };
}

function listSAMLProviders(ctx: HandlerContext): unknown {
  const created = resolveWhen('-300d', ctx.now);
  return {
    SAMLProviderList: (ctx.account.iam?.samlProviders ?? []).map((name) => ({
      Arn: `arn:aws:iam::${ctx.account.id}:saml-provider/${name}`, CreateDate: created, ValidUntil: resolveWhen('+3000d', ctx.now),
    })),
  };
}

function listOpenIDConnectProviders(ctx: HandlerContext): unknown {
  return { OpenIDConnectProviderList: (ctx.account.iam?.oidcProviders ?? []).map((url) => ({ Arn: `arn:aws:iam::${ctx.account.id}:oidc-provider/${url}` })) };
}

/** Answers only the management account (or an IAM delegated administrator) of an organization with trusted access for IAM. */
function listOrganizationsFeatures(ctx: HandlerContext): unknown {
  const org: OrganizationSpec | undefined = ctx.scenario.organization;
  // The API Reference's codes; the SDK names them without the Exception suffix when sent that way.
  if (!org) throw new FakeAwsError('OrganizationNotFound', 400, 'The request failed because AWS Organizations is not in use for this account.');
  const iamAdmin = (org.delegatedAdministrators ?? []).some((d) => d.accountId === ctx.account.id && d.servicePrincipal === 'iam.amazonaws.com');
  if (ctx.account.id !== ctx.scenario.managementAccountId && !iamAdmin) {
    throw new FakeAwsError('AccountNotManagementOrDelegatedAdministrator', 400, 'The request was rejected because the account is not the management account or delegated administrator.');
  }
  if (!(org.serviceAccess ?? []).includes('iam.amazonaws.com')) {
    throw new FakeAwsError('ServiceAccessNotEnabled', 400, 'The request failed because trusted access for IAM is not enabled in AWS Organizations.');
  }
  return { OrganizationId: org.id, EnabledFeatures: org.iamFeatures ?? [] };
}

export const iam = defineService({
  signingName: 'iam',
  actionPrefix: 'iam',
  protocol: awsQuery('https://iam.amazonaws.com/doc/2010-05-08/'),
  global: true,
  operations: {
    GenerateCredentialReport: generateCredentialReport,
    GetCredentialReport: getCredentialReport,
    GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
    GetPolicy: getPolicy,
    GetPolicyVersion: getPolicyVersion,
    ListAccessKeys: listAccessKeys,
    ListServerCertificates: listServerCertificates,
    GetAccountSummary: getAccountSummary,
    GetAccountPasswordPolicy: getAccountPasswordPolicy,
    ListSAMLProviders: listSAMLProviders,
    ListOpenIDConnectProviders: listOpenIDConnectProviders,
    ListOrganizationsFeatures: listOrganizationsFeatures,
  },
});
