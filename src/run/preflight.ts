// Preflight: before a long scan, prove each piece of access works. Who am I, can I list the
// organization, can I assume the role in each (sampled) account, which regions are enabled, and
// which datasets each role cannot read — by running every planned collector once per account
// (global ones in their home region, regional ones in one region).

import type { ClientPool } from '../aws/clients.js';
import type { AwsAccess } from '../aws/credentials.js';
import { redactSecrets } from '../aws/redact.js';
import { selectRegions } from '../collect/regions.js';
import type { Target } from '../aws/targets.js';
import type { AnyDataset } from '../contract/dataset.js';
import type { DatasetError, RecordOutcome } from '../contract/record.js';
import { DatasetRunner } from '../collect/dataset-runner.js';
import { homeRegionOf } from '../contract/dataset.js';
import { keptDatasets, type ScanPlan } from '../collect/plan.js';
import type { ScanSettings } from '../contract/settings.js';
import { GLOBAL } from '../contract/status.js';

export interface PreflightRow {
  /** Account ID, or `caller` / `organization` for the scan-wide checks. */
  subject: string;
  /** What was tried: `assume role`, `regions`, or a dataset id with its region. */
  item: string;
  ready: boolean;
  detail: string;
  fix?: string;
}

export interface PreflightReport {
  caller: AwsAccess['caller'];
  accountsTotal: number;
  accountsChecked: number;
  rows: PreflightRow[];
  ready: boolean;
}

export interface PreflightInput {
  /** Who we are, the base credentials, and an assumed-role session per account (src/aws/credentials). */
  access: Pick<AwsAccess, 'caller' | 'baseCredentials' | 'credentialsFor'>;
  /** Lists the accounts to scan (the organization's, or the given list). */
  listTargets(): Promise<Target[]>;
  /** Whether targets come from the organization (a failure then names Organizations access). */
  organization: boolean;
  pool: ClientPool;
  plan: ScanPlan;
  settings: ScanSettings;
  /** Check only this many accounts (the first ones by account ID). */
  sample?: number;
}

export async function runPreflight(input: PreflightInput): Promise<PreflightReport> {
  const { caller } = input.access;
  const rows: PreflightRow[] = [
    { subject: 'caller', item: 'identity', ready: true, detail: `${caller.arn} (account ${caller.accountId})` },
  ];
  let targets: Target[] = [];
  try {
    targets = [...(await input.listTargets())].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
    rows.push({ subject: 'organization', item: 'list accounts', ready: true, detail: `${targets.length} accounts to scan` });
  } catch (error) {
    rows.push({ subject: 'organization', item: 'list accounts', ready: false, detail: messageOf(error), fix: listFix(input.organization) });
  }
  const chosen = input.sample === undefined ? targets : targets.slice(0, input.sample);
  const kept = keptDatasets(input.plan);
  const callerRunner = runnerFor(input, kept, caller.accountId, input.access.baseCredentials);
  for (const dataset of input.plan.organization) {
    rows.push(datasetRow('organization', dataset, homeRegionOf(dataset), await callerRunner.run(dataset, GLOBAL)));
  }
  for (const target of chosen) rows.push(...(await accountRows(input, kept, target.accountId, callerRunner)));
  return { caller, accountsTotal: targets.length, accountsChecked: chosen.length, rows, ready: rows.every((r) => r.ready) };
}

type Credentials = AwsAccess['baseCredentials'];

/** Runs collectors as the scanner does (memoized, classified errors), keeping nothing. */
function runnerFor(input: PreflightInput, kept: ReadonlySet<AnyDataset>, accountId: string, credentials: Credentials, organization?: DatasetRunner): DatasetRunner {
  return new DatasetRunner({
    accountId,
    settings: input.settings,
    clientsFor: (region, log) => input.pool.factory({ accountId, region, credentials, log }),
    onRecord: async () => {},
    plan: input.plan,
    kept,
    // A dry read: rules are tested against the account's own events only.
    scannedAccounts: [],
    ...(organization ? { organization } : {}),
  });
}

async function accountRows(input: PreflightInput, kept: ReadonlySet<AnyDataset>, accountId: string, callerRunner: DatasetRunner): Promise<PreflightRow[]> {
  let credentials: Credentials;
  try {
    credentials = await input.access.credentialsFor(accountId);
  } catch (error) {
    return [{ subject: accountId, item: 'assume role', ready: false, detail: messageOf(error), fix: assumeFix(input.settings) }];
  }
  const own = accountId === input.access.caller.accountId;
  const detail = own ? "the caller's own account: base credentials" : 'session obtained';
  const rows: PreflightRow[] = [{ subject: accountId, item: own ? 'credentials' : 'assume role', ready: true, detail }];
  const runner = runnerFor(input, kept, accountId, credentials, callerRunner);
  const regionsRecord = await runner.record(input.plan.regions, GLOBAL);
  if (!regionsRecord.ok) return [...rows, datasetRow(accountId, input.plan.regions, homeRegionOf(input.plan.regions), regionsRecord)];
  const selection = selectRegions(regionsRecord.data, input.settings.regions);
  runner.setOptInRegions(selection.optIn);
  rows.push({
    subject: accountId,
    item: 'regions',
    ready: selection.regions.length > 0,
    detail: `${selection.regions.length} in scope (${selection.regions.join(', ') || 'none'}), ${selection.skipped.length} skipped`,
    ...(selection.regions.length ? {} : { fix: 'none of the requested regions is enabled: check --regions' }),
  });
  for (const dataset of input.plan.global) {
    rows.push(datasetRow(accountId, dataset, homeRegionOf(dataset), await runner.run(dataset, GLOBAL)));
  }
  const probe = probeRegion(selection.regions, selection.optIn, homeRegionOf(input.plan.regions));
  if (!probe) return rows;
  for (const { dataset } of input.plan.regional) {
    rows.push(datasetRow(accountId, dataset, probe, await runner.run(dataset, probe)));
  }
  return rows;
}

/** A region enabled by default (auth failures there mean denial, not "not opted in"), the home one if in scope. */
function probeRegion(regions: string[], optIn: string[], home: string): string | undefined {
  if (regions.includes(home)) return home;
  return regions.find((r) => !optIn.includes(r)) ?? regions[0];
}

function datasetRow(subject: string, dataset: AnyDataset, region: string, record: RecordOutcome): PreflightRow {
  const item = `${dataset.id} (${region})`;
  if (record.ok) return { subject, item, ready: true, detail: 'read' };
  const { error } = record;
  const detail = `${error.code}${error.action ? ` on ${error.action}` : ''}: ${error.message}`;
  return { subject, item, ready: false, detail, fix: datasetFix(dataset, error) };
}

function datasetFix(dataset: AnyDataset, error: DatasetError): string {
  const actions = error.action ?? dataset.actions.join(', ');
  switch (error.kind) {
    case 'access-denied':
      return `allow ${actions} in the audit role (redeploy it from \`partner-audit policy --format cloudformation\`)`;
    case 'scp-denied':
      return `a service control policy denies ${actions}: exempt the audit role, or accept this dataset as ERROR`;
    case 'region-disabled':
      return 'enable the region for the account, or leave it out with --regions';
    case 'throttled':
      return 'the API throttled even after retries: retry later or lower the concurrency settings';
    default:
      return 'see the message; re-run with PARTNER_AUDIT_DEBUG=1 for details';
  }
}

function assumeFix(settings: ScanSettings): string {
  return (
    `deploy the ${settings.roleName} role in this account (deploy/partner-audit-role.cfn.yaml), ` +
    `trust the scanner principal${settings.externalId ? ' and use the same ExternalId' : ', and pass --external-id'}`
  );
}

function listFix(organization: boolean): string {
  return organization
    ? 'run from the management account or a delegated administrator, with organizations:ListAccounts and organizations:ListTagsForResource'
    : 'check the account list';
}

function messageOf(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message.split('\n')[0]! : String(error));
}

export function renderPreflight(report: PreflightReport): string {
  const header = ['READY', 'SUBJECT', 'ITEM', 'DETAIL / FIX'];
  const lines = report.rows.map((r) => [r.ready ? 'ready' : 'NOT READY', r.subject, r.item, r.ready ? r.detail : `${r.detail}\n→ ${r.fix ?? ''}`]);
  const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...lines.map((l) => l[i]!.length)));
  const pad = (cells: string[]): string[] => {
    const [first, ...rest] = cells[3]!.split('\n');
    const lead = cells.slice(0, 3).map((c, i) => c.padEnd(widths[i]!)).join('  ');
    return [`${lead}  ${first}`, ...rest.map((line) => `${' '.repeat(lead.length)}  ${line}`)];
  };
  const notReady = report.rows.filter((r) => !r.ready).length;
  const verdict = report.ready
    ? `Ready: ${report.accountsChecked} of ${report.accountsTotal} accounts checked, nothing missing.`
    : `Not ready: ${notReady} problem(s) in ${report.accountsChecked} of ${report.accountsTotal} accounts checked.`;
  return [...pad(header), ...lines.flatMap(pad), '', verdict, ''].join('\n');
}
