// The IAM credential report: generated on request, fetched when ready, parsed from CSV.

import { setTimeout as sleep } from 'node:timers/promises';
import type * as SdkIam from '@aws-sdk/client-iam';
import type { GetCredentialReportCommandOutput, IAMClient } from '@aws-sdk/client-iam';
import { parse } from '../../vendor/csv-parse.js';
import type { CredentialReportEntry, CredentialReportEvidence, CredentialReportKey } from './datasets.js';
import { isErrorNamed, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { GenerateCredentialReportCommand, GetCredentialReportCommand } = sdkModule<typeof SdkIam>('@aws-sdk/client-iam');

/**
 * Pauses between polls: every second while a report is usually prepared (seconds), then growing;
 * 60 s in all before we give up. Growing from the first poll (1, 2, 4 s) fetched a report ready
 * after 5 s at 7 s, and each account waited those seconds (docs/performance.md).
 */
export const REPORT_POLL_DELAYS_MS = [1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 5_000, 15_000, 15_000, 15_000] as const;

/** ReportInProgress on the wire: wait and ask again. */
const IN_PROGRESS = 'CredentialReportNotReadyException';
/** ReportNotPresent and ReportExpired on the wire: ask IAM to generate a new one. */
const REGENERATE = ['CredentialReportNotPresentException', 'CredentialReportExpiredException'];

function pendingReason(err: unknown): string | undefined {
  return [IN_PROGRESS, ...REGENERATE].find((name) => isErrorNamed(err, name));
}

/**
 * GenerateCredentialReport (STARTED, INPROGRESS or COMPLETE), then GetCredentialReport until IAM hands
 * it over (bounded wait): ReportInProgress while it is prepared, ReportNotPresent or ReportExpired when
 * it must be generated again. Throttling is left to the SDK's retry strategy.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html
 */
export async function fetchCredentialReport(iam: IAMClient): Promise<GetCredentialReportCommandOutput> {
  await iam.send(new GenerateCredentialReportCommand({}));
  let lastReason = '';
  for (const delay of [...REPORT_POLL_DELAYS_MS, undefined]) {
    try {
      return await iam.send(new GetCredentialReportCommand({}));
    } catch (err) {
      const reason = pendingReason(err);
      if (reason === undefined) throw err;
      lastReason = reason;
      if (delay === undefined) break;
      if (REGENERATE.includes(reason)) await iam.send(new GenerateCredentialReportCommand({}));
      await sleep(delay);
    }
  }
  const waited = REPORT_POLL_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) / 1000;
  throw new Error(`IAM credential report was still not available after waiting ${waited} s (last answer: ${lastReason})`);
}

type ReportRow = Record<string, string>;

const REQUIRED_COLUMNS = ['user', 'arn', 'password_enabled', 'mfa_active', 'access_key_1_active', 'access_key_2_active'];
/** Values the report uses for "does not apply" or "unknown": they become absent fields. */
const ABSENT_VALUES = new Set(['N/A', 'not_supported', 'no_information']);
const ROOT_USER = '<root_account>';

function value(row: ReportRow, column: string): string | undefined {
  const raw = row[column];
  return raw === undefined || raw === '' || ABSENT_VALUES.has(raw) ? undefined : raw;
}

function flag(row: ReportRow, column: string): boolean | undefined {
  const raw = value(row, column)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new Error(`Credential report column ${column} holds an unexpected value: ${raw}`);
}

function date(row: ReportRow, column: string): string | undefined {
  const raw = value(row, column);
  if (raw === undefined) return undefined;
  const parsed = new Date(raw);
  if (Number.isNaN(parsed.getTime())) throw new Error(`Credential report column ${column} holds an unexpected date: ${raw}`);
  return parsed.toISOString();
}

function key(row: ReportRow, slot: 1 | 2): CredentialReportKey {
  return {
    slot,
    active: flag(row, `access_key_${slot}_active`) === true,
    lastRotated: date(row, `access_key_${slot}_last_rotated`),
    lastUsed: date(row, `access_key_${slot}_last_used_date`),
  };
}

function toEntry(row: ReportRow): CredentialReportEntry {
  return {
    user: required(value(row, 'user'), 'credential report user'),
    arn: required(value(row, 'arn'), 'credential report arn'),
    isRoot: row.user === ROOT_USER,
    userCreationTime: date(row, 'user_creation_time'),
    passwordEnabled: flag(row, 'password_enabled'),
    passwordLastUsed: date(row, 'password_last_used'),
    mfaActive: flag(row, 'mfa_active'),
    keys: [key(row, 1), key(row, 2)],
  };
}

/** Parses the report's CSV (header row + one row per user, root first). */
export function parseCredentialReport(csv: string, generatedAt: Date | undefined): CredentialReportEvidence {
  if (generatedAt === undefined) throw new Error('GetCredentialReport returned no GeneratedTime');
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as ReportRow[];
  const first = rows[0];
  if (first === undefined) throw new Error('Credential report holds no rows (the root row is always present)');
  const missing = REQUIRED_COLUMNS.filter((column) => !(column in first));
  if (missing.length > 0) throw new Error(`Credential report lacks expected columns: ${missing.join(', ')}`);
  return { generatedAt: generatedAt.toISOString(), entries: rows.map(toEntry) };
}
