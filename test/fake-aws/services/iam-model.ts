// Derived IAM facts shared by the IAM operations: key ids, policy ARNs, the credential report CSV.

import { stableId } from '../params.js';
import { resolveWhen, type AccessKeySpec, type AccountSpec, type IamUserSpec } from '../scenario.js';

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
      '<root_account>', `arn:aws:iam::${account.id}:root`, rootCreated, 'not_supported', 'N/A', 'not_supported', 'not_supported',
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
