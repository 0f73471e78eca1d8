// The IAM scenario slice (an account's users, groups, policies and keys), and the facts the IAM
// operations derive from it: key ids, policy ARNs, the credential report CSV.

import { stableId } from '../params.js';
import { resolveWhen, type AccountSpec, type When } from '../scenario.js';

export interface AccessKeySpec {
  /** Generated from the user name when absent. */
  id?: string;
  status?: 'Active' | 'Inactive';
  created: When;
  lastUsed?: When;
}

export interface PolicyDocumentJson {
  Version?: string;
  Statement: Record<string, unknown>[] | Record<string, unknown>;
}

export interface InlinePolicySpec {
  name: string;
  document: PolicyDocumentJson;
}

export interface IamUserSpec {
  name: string;
  created?: When;
  /** Console password set. */
  console?: boolean;
  passwordLastUsed?: When;
  mfa?: boolean;
  keys?: AccessKeySpec[];
  groups?: string[];
  inlinePolicies?: InlinePolicySpec[];
  /** Managed policy names (customer) or ARNs (`arn:aws:iam::aws:policy/...`). */
  attachedPolicies?: string[];
  permissionsBoundary?: string;
}

export interface IamGroupSpec {
  name: string;
  inlinePolicies?: InlinePolicySpec[];
  attachedPolicies?: string[];
}

export interface IamRoleSpec {
  name: string;
  /** `/aws-service-role/<service>/` for a service-linked role. Default `/`. */
  path?: string;
  created?: When;
  /** The trust policy (AssumeRolePolicyDocument). */
  trust: PolicyDocumentJson;
  /** Managed policy names (customer) or ARNs (`arn:aws:iam::aws:policy/...`). */
  attachedPolicies?: string[];
  /** RoleLastUsed.LastUsedDate; absent: not used in IAM's 400-day tracking window. */
  lastUsed?: When;
}

export interface IamSpec {
  /** Root credentials. `password` defaults to false (as Organizations creates member accounts), `mfa` to true. */
  root?: { keys?: AccessKeySpec[]; mfa?: boolean; password?: boolean; passwordLastUsed?: When; created?: When };
  /** The custom password policy; absent: GetAccountPasswordPolicy answers NoSuchEntity. */
  passwordPolicy?: { minimumLength?: number; reusePrevention?: number };
  roles?: IamRoleSpec[];
  /** SAML provider names and OIDC provider URLs (without https://). */
  samlProviders?: string[];
  oidcProviders?: string[];
  users?: IamUserSpec[];
  groups?: IamGroupSpec[];
  /** Customer-managed policies. */
  policies?: InlinePolicySpec[];
  serverCertificates?: { name: string; expiration: When; uploaded?: When }[];
  /** When the existing credential report was generated; absent: none exists until generated. */
  credentialReportGenerated?: When;
  /** GetCredentialReport answers ReportInProgress this many times after a generation starts. */
  credentialReportPolls?: number;
  /** A generation takes this long (server clock): ReportInProgress until then. */
  credentialReportMs?: number;
}

declare module '../scenario.js' {
  interface AccountSpec {
    iam?: IamSpec;
  }
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function accessKeyId(account: AccountSpec, owner: string, index: number, key: AccessKeySpec): string {
  return key.id ?? `AKIA${stableId(`${account.id}/${owner}/${index}`, 16, KEY_ALPHABET)}`;
}

export function policyArn(account: AccountSpec, ref: string): string {
  return ref.startsWith('arn:') ? ref : `arn:aws:iam::${account.id}:policy/${ref}`;
}

export function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export function userArn(account: AccountSpec, user: string): string {
  return `arn:aws:iam::${account.id}:user/${user}`;
}

export function findUser(account: AccountSpec, name: string): IamUserSpec | undefined {
  return account.iam?.users?.find((u) => u.name === name);
}

const COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated',
  'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
  'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated',
  'cert_2_active', 'cert_2_last_rotated',
];

/** The report's date format: `2026-01-10T12:34:56+00:00`. */
function reportDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function keyColumns(keys: AccessKeySpec[] | undefined, slot: number, now: Date): string[] {
  const key = keys?.[slot];
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.lastUsed ? [reportDate(resolveWhen(key.lastUsed, now)), 'us-east-1', 'sts'] : ['N/A', 'N/A', 'N/A'];
  return [String((key.status ?? 'Active') === 'Active'), reportDate(resolveWhen(key.created, now)), ...used];
}

function row(cells: string[]): string {
  return cells.join(',');
}

export function credentialReportCsv(account: AccountSpec, now: Date): string {
  const root = account.iam?.root ?? {};
  const rootCreated = reportDate(resolveWhen(root.created ?? '-1000d', now));
  const rows = [
    row(COLUMNS),
    row([
      '<root_account>', `arn:aws:iam::${account.id}:root`, rootCreated, 'not_supported',
      root.passwordLastUsed ? reportDate(resolveWhen(root.passwordLastUsed, now)) : 'N/A', 'not_supported', 'not_supported',
      String(root.mfa ?? true), ...keyColumns(root.keys, 0, now), ...keyColumns(root.keys, 1, now), 'false', 'N/A', 'false', 'N/A',
    ]),
  ];
  for (const user of account.iam?.users ?? []) {
    const created = reportDate(resolveWhen(user.created ?? '-400d', now));
    const console = user.console ?? false;
    const passwordUsed = console && user.passwordLastUsed ? reportDate(resolveWhen(user.passwordLastUsed, now)) : console ? 'no_information' : 'N/A';
    rows.push(
      row([
        user.name, userArn(account, user.name), created, String(console), passwordUsed, console ? created : 'N/A', 'N/A',
        String(user.mfa ?? false), ...keyColumns(user.keys, 0, now), ...keyColumns(user.keys, 1, now), 'false', 'N/A', 'false', 'N/A',
      ]),
    );
  }
  return `${rows.join('\n')}\n`;
}
