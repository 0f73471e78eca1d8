// Flags and config file merged into one validated run configuration. Flags win over the file;
// both pass through the same zod schema, so defaults and limits live in one place.

import { createHash } from 'node:crypto';
import type { Command } from '../vendor/commander.js';
import { knownRegionNames } from '../aws/regions.js';
import { getChecklists } from '../catalog/index.js';
import type { Checklist } from '../contract/checklists/types.js';
import { loadConfig } from '../config/load.js';
import { configSchema, type PartnerAuditConfig } from '../config/schema.js';
import { ACCOUNT_ID } from '../contract/identifiers.js';
import { UsageError } from '../errors.js';
import { closestId } from '../catalog/closest.js';
import type { ScanSelection } from '../snapshot/manifest.js';
import { byCodeUnit } from '../contract/order.js';

export interface ScanFlags {
  config?: string;
  accounts?: string[];
  org?: boolean;
  includeAccounts?: string[];
  excludeAccounts?: string[];
  includeTag?: Record<string, string>;
  excludeTag?: Record<string, string>;
  roleName?: string;
  externalId?: string;
  profile?: string;
  regions?: string[];
  checklist?: string | string[];
  deploymentModel?: string;
  attestations?: string[];
  retryMode?: string;
  maxAttempts?: number;
  accountsInParallel?: number | 'auto';
  requestsInFlight?: number;
}

export interface RunConfig {
  config: PartnerAuditConfig;
  /** The primary checklist: its results and reports are at the run directory's top. */
  checklist: Checklist;
  /** Every checklist judged from this one collection, the primary first. */
  checklists: Checklist[];
  /** SHA-256 of the effective config, so two runs can prove they used the same settings. */
  configHash: string;
}

/** `a,b, c` → ['a','b','c'] (commander option parser). */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `key=value`, repeatable, into a record (commander option parser). */
export function tagPair(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new UsageError(`tag filter "${value}" must be key=value, e.g. Environment=production`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** A repeatable option's values, in the order given (commander option parser). */
export function appendValue(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveWhole(value: string): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

export function positiveInt(value: string): number {
  const n = positiveWhole(value);
  if (n === undefined) throw new UsageError(`"${value}" is not a positive whole number`);
  return n;
}

/** `auto` or a positive whole number (commander option parser). */
export function autoOrPositiveInt(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = positiveWhole(value);
  if (n === undefined) throw new UsageError(`"${value}" is neither auto nor a positive whole number`);
  return n;
}

function checkAccountIds(flag: string, ids: string[] | undefined): void {
  const bad = ids?.find((id) => !ACCOUNT_ID.test(id));
  if (bad) throw new UsageError(`${flag}: "${bad}" is not a 12-digit AWS account ID`);
}

export function checkRegions(regions: string[] | undefined): void {
  if (!regions) return;
  const known = knownRegionNames();
  for (const region of regions) {
    if (known.includes(region)) continue;
    const hint = closestId(region, known, 3);
    throw new UsageError(`unknown region "${region}"${hint ? ` (did you mean ${hint}?)` : ''}`);
  }
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function resolveRunConfig(flags: ScanFlags, env: NodeJS.ProcessEnv = process.env): Promise<RunConfig> {
  checkAccountIds('--accounts', flags.accounts);
  checkAccountIds('--include-accounts', flags.includeAccounts);
  checkAccountIds('--exclude-accounts', flags.excludeAccounts);
  checkRegions(flags.regions);
  const file = flags.config ? await loadConfig(flags.config) : configSchema.parse({});
  checkRegions(file.regions);
  checkRegions(file.production?.regions);
  const organization = {
    ...file.organization,
    ...defined({
      enabled: flags.org,
      includeAccounts: flags.includeAccounts,
      excludeAccounts: flags.excludeAccounts,
      includeTags: flags.includeTag,
      excludeTags: flags.excludeTag,
    }),
  };
  const merged = {
    ...file,
    ...defined({
      accounts: flags.accounts,
      roleName: flags.roleName,
      externalId: flags.externalId ?? file.externalId ?? env.PARTNER_AUDIT_EXTERNAL_ID,
      profile: flags.profile,
      regions: flags.regions,
      checklist: flags.checklist,
      deploymentModel: flags.deploymentModel,
      attestations: flags.attestations,
    }),
    organization,
    retry: { ...file.retry, ...defined({ mode: flags.retryMode, maxAttempts: flags.maxAttempts }) },
    concurrency: {
      ...file.concurrency,
      ...defined({ accounts: flags.accountsInParallel, requestsInFlight: flags.requestsInFlight }),
    },
  };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  const config = parsed.data;
  if (config.accounts?.length && config.organization.enabled) {
    throw new UsageError('choose either --accounts or --org, not both');
  }
  const checklists = getChecklists(config.checklist);
  return { config, checklist: checklists[0]!, checklists, configHash: hashConfig(config) };
}

/** `90m`, `2h`, `1h30m`, `45s` → milliseconds (commander option parser for --deadline). */
export function duration(value: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value.trim());
  const [hours = 0, minutes = 0, seconds = 0] = (match?.slice(1) ?? []).map((n) => Number(n ?? 0));
  const ms = (hours * 3600 + minutes * 60 + seconds) * 1000;
  if (!match || ms <= 0) throw new UsageError(`"${value}" is not a duration such as 90m, 2h, 1h30m or 45s`);
  return ms;
}

/** The targets and regions a run asks for, as the manifest records them (sorted, so equal requests compare equal). */
export function selectionOf(config: PartnerAuditConfig): ScanSelection {
  const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort();
  const { organization: org } = config;
  return {
    ...(config.accounts?.length ? { accounts: sorted(config.accounts) } : {}),
    ...(org.enabled
      ? {
          organization: {
            includeAccounts: sorted(org.includeAccounts),
            excludeAccounts: sorted(org.excludeAccounts),
            includeTags: sortedRecord(org.includeTags),
            excludeTags: sortedRecord(org.excludeTags),
          },
        }
      : {}),
    ...(config.regions?.length ? { regions: sorted(config.regions) } : {}),
  };
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodeUnit(a, b)));
}

/** `--org --include-tag Environment=prod --regions eu-west-1,us-east-1`, as a user would type it. */
export function describeSelection(selection: ScanSelection): string {
  const tags = (flag: string, record: Record<string, string>): string[] => Object.entries(record).map(([k, v]) => `${flag} ${k}=${v}`);
  const ids = (flag: string, list: string[]): string[] => (list.length ? [`${flag} ${list.join(',')}`] : []);
  const org = selection.organization;
  const parts = [
    ...(selection.accounts ? [`--accounts ${selection.accounts.join(',')}`] : []),
    ...(org
      ? ['--org', ...ids('--include-accounts', org.includeAccounts), ...ids('--exclude-accounts', org.excludeAccounts), ...tags('--include-tag', org.includeTags), ...tags('--exclude-tag', org.excludeTags)]
      : []),
    ...(!selection.accounts && !org ? ["the caller's own account"] : []),
    selection.regions ? `--regions ${selection.regions.join(',')}` : '(every enabled region)',
  ];
  return parts.join(' ');
}

function hashConfig(config: PartnerAuditConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex');
}

/** The options that say which accounts to reach and how (shared by scan and preflight). */
export function addTargetOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'YAML config file (docs/configuration.md); flags override it')
    .option('--accounts <ids>', "comma-separated account IDs (default: the caller's account)", commaList)
    .option('--org', 'every ACTIVE account of the AWS Organization (run from the management account)')
    .option('--include-accounts <ids>', 'with --org: only these account IDs', commaList)
    .option('--exclude-accounts <ids>', 'with --org: skip these account IDs', commaList)
    .option('--include-tag <key=value>', 'with --org: only accounts with this tag (repeatable)', tagPair)
    .option('--exclude-tag <key=value>', 'with --org: skip accounts with this tag (repeatable)', tagPair)
    .option('--role-name <name>', "role assumed in each account other than the caller's (default PartnerAuditReadOnly)")
    .option('--external-id <id>', 'ExternalId for AssumeRole (default: $PARTNER_AUDIT_EXTERNAL_ID)')
    .option('--profile <name>', 'AWS profile for the base credentials (SSO profiles work)')
    .option('--regions <list>', 'comma-separated regions (default: every region enabled in each account)', commaList)
    .option(
      '--checklist <ids>',
      'checklist id or id@version: smb-competency (default) or ftr-partner-hosted; several, comma-separated, are judged from one collection',
      commaList,
    );
}
