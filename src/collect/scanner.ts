// Runs a scan: accounts in parallel; for each, its credentials, its regions (ec2.regions), then the
// planned collectors. Every dataset is written the moment it finishes, and the manifest as each
// account finishes, so a failure in one account, region or API never loses the others' results.

import type { ClientPool } from '../aws/clients.js';
import { addCounts, emptyCounts } from '../aws/metrics.js';
import type { AwsAccess } from '../aws/credentials.js';
import type { Deadline } from '../aws/deadline.js';
import { DEADLINE_REACHED } from '../aws/endpoint-watch.js';
import { redactSecrets } from '../aws/redact.js';
import { selectRegions, type RegionSelection } from './regions.js';
import type { Target } from '../aws/targets.js';
import type { ScanSettings } from '../contract/settings.js';
import { GLOBAL } from '../contract/status.js';
import type { SkippedRegion } from '../contract/results.js';
import type { CallCounts, ManifestAccount } from '../snapshot/manifest.js';
import type { SnapshotWriter } from '../snapshot/writer.js';
import { closedRegion, disabledRegion, faultsOf, faultSummary, reachedStatus } from './account-outcome.js';
import { closedRegions, type ClosureProbe } from './closed-regions.js';
import type { AnyDataset } from '../contract/dataset.js';
import type { RecordOutcome } from '../contract/record.js';
import { scheduleAccounts, type Park } from './account-scheduler.js';
import { DatasetRunner } from './dataset-runner.js';
import type { ScanEvents } from './events.js';
import { keptDatasets, regionsFor, type ScanPlan } from './plan.js';

export interface RunScanOptions {
  targets: readonly Target[];
  plan: ScanPlan;
  settings: ScanSettings;
  /** Already started (run directory and initial manifest written). */
  writer: SnapshotWriter;
  access: AwsAccess;
  pool: ClientPool;
  events?: ScanEvents;
  /** Calls made by an earlier, interrupted attempt at this run (resume), added to the totals. */
  priorTotals?: CallCounts;
  /** `--deadline`: accounts it cuts short end PARTIAL with `stoppedBy: 'deadline'`, and the run stays incomplete. */
  deadline?: Deadline;
  /** Flush and write the manifest on SIGINT/SIGTERM before exiting (default true). */
  handleSignals?: boolean;
  now?: () => Date;
}

export interface ScanSummary {
  accounts: ManifestAccount[];
  totals: CallCounts;
}

type Credentials = Awaited<ReturnType<AwsAccess['credentialsFor']>>;

export function pendingAccount(target: Target): ManifestAccount {
  return { ...target, status: 'PENDING', regions: [], skippedRegions: [], calls: {} };
}

/** The manifest's accounts with the targets (re)set to PENDING, keeping every other entry. */
function withPending(accounts: readonly ManifestAccount[], targets: readonly Target[]): ManifestAccount[] {
  const pending = new Map(targets.map((t) => [t.accountId, pendingAccount(t)]));
  const kept = accounts.map((a) => pending.get(a.accountId) ?? a);
  const added = [...pending.values()].filter((p) => !accounts.some((a) => a.accountId === p.accountId));
  return [...kept, ...added];
}

export async function runScan(options: RunScanOptions): Promise<ScanSummary> {
  const release = options.handleSignals === false ? undefined : options.writer.handleSignals();
  try {
    return await scanAll(options);
  } finally {
    release?.();
  }
}

async function scanAll(options: RunScanOptions): Promise<ScanSummary> {
  const { targets, plan, settings, writer, access, pool, events = {} } = options;
  const now = options.now ?? (() => new Date());
  const totals = (): CallCounts => addCounts(pool.metrics.totals(), options.priorTotals ?? emptyCounts());
  await writer.update({ callerIdentity: access.caller, accounts: withPending(writer.manifest().accounts, targets) });
  events.scanStarted?.({ accounts: targets.length, calls: () => pool.metrics.totals() });

  const runners = new Map<string, DatasetRunner>();
  const kept = keptDatasets(plan);
  const scannedAccounts = targets.map((t) => t.accountId);
  const runnerFor = (accountId: string, credentials: Credentials): DatasetRunner => {
    let runner = runners.get(accountId);
    if (!runner) {
      runner = new DatasetRunner({
        accountId,
        settings,
        now,
        clientsFor: (region, log) => pool.factory({ accountId, region, credentials, log }),
        onRecord: async (record) => {
          await writer.writeRecord(record);
          events.datasetFinished?.(record);
        },
        plan,
        kept,
        scannedAccounts,
        organization: runners.get(access.caller.accountId),
      });
      runners.set(accountId, runner);
    }
    return runner;
  };

  const callerRunner = runnerFor(access.caller.accountId, access.baseCredentials);
  const organization = Promise.all(plan.organization.map((c) => callerRunner.run(c, GLOBAL)));
  const { concurrency } = settings;
  const maxAccounts = concurrency.accounts === 'auto' ? autoAccountBound(concurrency.requestsInFlight) : concurrency.accounts;
  // A number given by the caller bounds every account at work, parked or not.
  const maxParked = concurrency.accounts === 'auto' ? maxAccounts : 0;
  const waiting = waitingOnFirsts(plan.global);
  const quickGlobals = plan.global.filter((d) => !waiting.has(d));
  // Awaited before the run is finished, so no record of an account the deadline left unscanned is
  // written after the manifest and checksums.
  const headStarts: Promise<void>[] = [];
  const startFirstOf = (target: Target | undefined): void => {
    if (target && !options.deadline?.reached()) headStarts.push(headStart(target, plan, access, runnerFor));
  };
  const saves = new BackgroundSaves();
  const accounts = await scheduleAccounts(
    targets,
    async (target, index, park) => {
      saves.throwIfFailed();
      // The account as many places behind as run at once starts its slow first datasets now.
      startFirstOf(targets[index + maxAccounts]);
      const account = await scanAccount({ target, plan, quickGlobals, park, settings, access, events, now, runnerFor, pool, deadline: options.deadline });
      // Its datasets are on disk and its counts in its manifest entry: let them go (the caller's
      // runner also serves organization datasets).
      if (target.accountId !== access.caller.accountId) {
        runners.delete(target.accountId);
        pool.release(target.accountId);
        access.release(target.accountId);
      }
      saves.add(writer.saveAccount(account, totals()));
      events.accountFinished?.(account);
      return account;
    },
    {
      maxAccounts,
      maxParked,
      startsPerSecond: concurrency.accountStartsPerSecond,
      load: () => pool.load(),
    },
  );
  const organizationRecords = await organization;
  await Promise.all(headStarts);
  // Organization-level calls may have finished after the caller's entry was saved: refresh it.
  const caller = accounts.find((a) => a.accountId === access.caller.accountId);
  if (caller) {
    // Organization datasets live in the caller's file: when the deadline cut them, --resume rescans the caller.
    const cut = organizationRecords.some(cutByDeadline) ? stoppedByDeadline(caller, organizationRecords) : caller;
    // Not awaited: a save waits out the spacing between manifest writes; finish's write takes it along.
    saves.add(writer.saveAccount({ ...cut, calls: pool.metrics.forAccount(caller.accountId) }, totals()));
  }
  await writer.finish(now().toISOString(), totals(), !options.deadline?.reached());
  await saves.settle();
  events.scanFinished?.(totals());
  return { accounts: writer.manifest().accounts, totals: totals() };
}

/**
 * Account saves finish behind the scan. The writer holds a save back to share one manifest write
 * with others; an account that waited for it kept its place among the accounts at work, so the
 * scan's requests ebbed each time a batch of finished accounts waited together. The first failed
 * save stops new accounts and fails the scan.
 */
class BackgroundSaves {
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  add(save: Promise<void>): void {
    const tracked: Promise<void> = save
      .catch((error: unknown) => void (this.failure ??= { error }))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  async settle(): Promise<void> {
    await Promise.all(this.pending);
    this.throwIfFailed();
  }
}

/**
 * Assumes an account's role and starts its `startsFirst` datasets (IAM's credential report, which
 * IAM prepares for seconds) before the account's turn, so the last accounts of a scan do not each
 * end with that wait. The account's own scan later joins the same collection through its runner;
 * a failure here is left for that scan to meet and report.
 */
async function headStart(target: Target, plan: ScanPlan, access: AwsAccess, runnerFor: AccountScan['runnerFor']): Promise<void> {
  const firsts = plan.global.filter((d) => d.startsFirst);
  if (firsts.length === 0) return;
  const credentials = await access.credentialsFor(target.accountId).catch(() => undefined);
  if (!credentials) return;
  await Promise.all(firsts.map((dataset) => runnerFor(target.accountId, credentials).run(dataset, GLOBAL).catch(() => undefined)));
}

/**
 * The global datasets that wait on a `startsFirst` one (IAM's credential report), themselves
 * included: an account with only these left to collect asks for no request slot for seconds.
 */
function waitingOnFirsts(global: readonly AnyDataset[]): ReadonlySet<AnyDataset> {
  const waiting = new Set(global.filter((d) => d.startsFirst));
  let grown = waiting.size > 0;
  while (grown) {
    const before = waiting.size;
    for (const d of global) if (d.dependsOn?.some((dep) => waiting.has(dep))) waiting.add(d);
    grown = waiting.size > before;
  }
  return waiting;
}

/**
 * `auto`'s bound: each account keeps at least three requests busy (32 at the default cap of 96;
 * 48 bought no speed and 20–30 MB of peak RSS). Accounts share the SDK clients
 * (src/aws/account-binding.ts), so an account in progress holds its queued requests and records only.
 */
export function autoAccountBound(requestsInFlight: number): number {
  return Math.max(1, Math.floor(requestsInFlight / 3));
}

interface AccountScan {
  target: Target;
  deadline: Deadline | undefined;
  plan: ScanPlan;
  /** The global datasets that do not wait on a `startsFirst` one (waitingOnFirsts). */
  quickGlobals: readonly AnyDataset[];
  /** Tells the scheduler the account now only waits on the others. */
  park: Park;
  settings: ScanSettings;
  access: AwsAccess;
  events: ScanEvents;
  pool: ClientPool;
  now: () => Date;
  runnerFor(accountId: string, credentials: Credentials): DatasetRunner;
}

async function scanAccount(scan: AccountScan): Promise<ManifestAccount> {
  const { target, access, events, now, pool } = scan;
  const { accountId } = target;
  const startedAt = now().toISOString();
  events.accountStarted?.(accountId);
  const finished = (rest: Pick<ManifestAccount, 'status' | 'regions' | 'skippedRegions'> & { error?: string }): ManifestAccount => ({
    ...target,
    ...rest,
    calls: pool.metrics.forAccount(accountId),
    startedAt,
    finishedAt: now().toISOString(),
  });

  const notStarted = { status: 'PARTIAL' as const, error: 'deadline reached before this account was scanned', regions: [], skippedRegions: [] };
  if (scan.deadline?.reached()) return { ...finished(notStarted), stoppedBy: 'deadline' };
  let credentials;
  try {
    credentials = await access.credentialsFor(accountId);
  } catch (err) {
    if (scan.deadline?.reached()) return { ...finished(notStarted), stoppedBy: 'deadline' };
    const error = redactSecrets(err instanceof Error ? err.message : String(err));
    return finished({ status: 'ERROR', error, regions: [], skippedRegions: [] });
  }
  const runner = scan.runnerFor(accountId, credentials);
  // Started now, awaited with the other global datasets below (the runner shares the one collection).
  for (const dataset of scan.plan.global.filter((d) => d.startsFirst)) runner.run(dataset, GLOBAL).catch(() => undefined);
  const regionsRecord = await runner.record(scan.plan.regions, GLOBAL);
  const selection = regionsRecord.ok
    ? selectRegions(regionsRecord.data, scan.settings.regions)
    : unverifiedRegions(scan.settings.regions, scan.settings.homeRegions);
  runner.setOptInRegions(selection.optIn);

  const closed = await closedRegions(closureProbe(scan, runner, credentials), selection.regions, selection.enabled);
  const [, regional] = await Promise.all([
    Promise.all(scan.quickGlobals.map((d) => runner.run(d, GLOBAL))),
    scanRegions(scan, runner, selection, closed),
  ]);
  scan.park();
  // The runner collects each dataset once: the datasets awaited above come back as they are.
  const globals = await Promise.all(scan.plan.global.map((d) => runner.run(d, GLOBAL)));
  const records = [regionsRecord, ...globals, ...regional.records];
  // With --regions the scan needs no region list; without it, a missing list leaves the scan short.
  const listFault = regionsRecord.ok || scan.settings.regions?.length ? [] : [regionsRecord];
  const faults = [...listFault, ...faultsOf([...globals, ...regional.records], closed)];
  const error = faultSummary(faults);
  const skipped = [...selection.skipped, ...regional.skipped, ...[...closed].sort().map(closedRegion)];
  const account = finished({
    status: reachedStatus(faults),
    ...(error ? { error } : {}),
    regions: selection.regions.filter((r) => !skipped.some((s) => s.region === r)),
    skippedRegions: skipped,
  });
  return records.some(cutByDeadline) ? stoppedByDeadline(account, records) : account;
}

function cutByDeadline(record: RecordOutcome): boolean {
  return !record.ok && record.error.code === DEADLINE_REACHED;
}

/** PARTIAL, "deadline reached", and marked so that --resume scans the account again. */
function stoppedByDeadline(account: ManifestAccount, records: readonly RecordOutcome[]): ManifestAccount {
  const cut = records.filter(cutByDeadline).length;
  const error = `deadline reached: ${cut} dataset${cut === 1 ? '' : 's'} not collected`;
  return { ...account, status: 'PARTIAL', error, stoppedBy: 'deadline' };
}

/** The probe in the regions in scope (recorded), and outside them through a runner that records nothing. */
function closureProbe(scan: AccountScan, runner: DatasetRunner, credentials: Credentials): ClosureProbe {
  const { accountId } = scan.target;
  const unrecorded = new DatasetRunner({
    accountId,
    settings: scan.settings,
    plan: scan.plan,
    kept: new Set(),
    scannedAccounts: [],
    clientsFor: (region, log) => scan.pool.factory({ accountId, region, credentials, log }),
    onRecord: async () => {},
  });
  return { inScope: (region) => runner.run(scan.plan.probe, region), outside: (region) => unrecorded.run(scan.plan.probe, region) };
}

/** Without the account's region list, only the regions asked for (or the first home region) can be tried. */
function unverifiedRegions(requested: string[] | undefined, home: string[]): RegionSelection {
  const regions = requested?.length ? [...new Set(requested)].sort() : home.slice(0, 1);
  return { regions, enabled: regions, optIn: [], skipped: [] };
}

/**
 * Every planned regional dataset in the open regions. In a closed region only the datasets a check
 * wants there whatever the scope (`only`/`always` regions, e.g. us-east-1 for Health and CloudFront's
 * certificates): their findings are decided there even when an SCP closes it.
 */
async function scanRegions(
  scan: AccountScan,
  runner: DatasetRunner,
  selection: RegionSelection,
  closed: ReadonlySet<string>,
): Promise<{ records: RecordOutcome[]; skipped: SkippedRegion[] }> {
  const byRegion = new Map<string, AnyDataset[]>();
  for (const item of scan.plan.regional) {
    const wanted = regionsFor(item, selection).filter((region) => !closed.has(region) || item.extraRegions.includes(region));
    for (const region of wanted) byRegion.set(region, [...(byRegion.get(region) ?? []), item.dataset]);
  }
  scan.events.regionsPlanned?.(scan.target.accountId, byRegion.size);
  const perRegion = await Promise.all(
    [...byRegion].map(async ([region, datasets]) => {
      const records = await Promise.all(datasets.map((d) => runner.run(d, region)));
      scan.events.regionFinished?.(scan.target.accountId, region);
      return { region, records };
    }),
  );
  return {
    records: perRegion.flatMap((r) => r.records),
    skipped: perRegion.flatMap((r) => disabledRegion(r.region, r.records) ?? []),
  };
}
