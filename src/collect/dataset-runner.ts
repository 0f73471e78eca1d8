// Runs the collectors of one account: each exactly once per account+region (the in-flight promise
// is memoized, so `ctx.dataset(dep)` shares it), inside its own request log, and turns the outcome
// into a DatasetRecord: the data, or the classified error. Records are handed on as they finish;
// once written, only the datasets others depend on keep their data in memory (issue 14).

import { classifyError } from '../aws/errors.js';
import { failedOperationOf, newRequestLog, type RequestLog } from '../aws/request-log.js';
import { actionFor, type ClientFactory, type CollectContext, type SharedCache } from '../contract/collector.js';
import { homeRegionOf, type AnyDataset, type DatasetDeclaration } from '../contract/dataset.js';
import { outcomeOf, type DatasetError, type DatasetRecord, type RecordOutcome } from '../contract/record.js';
import type { ScanSettings } from '../contract/settings.js';
import { GLOBAL } from '../contract/status.js';
import type { ScanPlan } from './plan.js';

export interface DatasetRunnerOptions {
  accountId: string;
  settings: ScanSettings;
  /** The account's clients in `region`, their requests' IDs going to `log`. */
  clientsFor(region: string, log: RequestLog): ClientFactory;
  /** Called with each record as soon as it is complete (the snapshot writer). */
  onRecord(record: DatasetRecord): Promise<void>;
  /** The collector of each dataset and what the checks ask of it (from the scan plan). */
  plan: Pick<ScanPlan, 'collectorOf' | 'questions'>;
  /** The datasets whose data stays in memory once written (plan.ts keptDatasets); the others keep their outcome only. */
  kept: ReadonlySet<AnyDataset>;
  /** Every account the scan covers. */
  scannedAccounts: readonly string[];
  /** Where organization-scope dependencies run (the caller's runner), when not this one. */
  organization?: DatasetRunner;
  now?: () => Date;
}

/** A dependency's failure, carried to the dataset that needed it. */
class DependencyFailedError extends Error {
  constructor(
    readonly dependency: string,
    readonly dependencyError: DatasetError,
  ) {
    super(`needs ${dependency}, which failed: ${dependencyError.code}`);
  }
}

async function settled<T>(fn: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  try {
    return { status: 'fulfilled', value: await fn() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}

/** The scan's cache of values that are the same in every account; see SharedCache. */
function sharedCache(): SharedCache {
  const entries = new Map<string, Promise<unknown>>();
  const get = <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    const pending = entries.get(key) as Promise<T> | undefined;
    // Another account's failure (its role may lack the action) is not ours: ask again.
    if (pending) return pending.catch(() => get(key, fetch));
    const mine = fetch();
    entries.set(key, mine);
    mine.catch(() => entries.delete(key));
    return mine;
  };
  return { get };
}

/** A dataset collected in one region: how it went, and the whole record when the plan keeps its data. */
interface Collection {
  outcome: Promise<RecordOutcome>;
  record?: Promise<DatasetRecord>;
}

export class DatasetRunner {
  /** One per scan: account runners share the organization (caller's) runner's. */
  readonly shared: SharedCache;
  private readonly inFlight = new Map<string, Collection>();
  private optInRegions = new Set<string>();
  private readonly now: () => Date;

  constructor(private readonly options: DatasetRunnerOptions) {
    this.now = options.now ?? (() => new Date());
    this.shared = options.organization?.shared ?? sharedCache();
  }

  /** Opt-in regions of the account, so an unknown-credentials answer there reads as "not enabled". */
  setOptInRegions(regions: readonly string[]): void {
    this.optInRegions = new Set(regions);
  }

  /** How `dataset` in `region` came out (the region is ignored for global and organization datasets). */
  run(dataset: AnyDataset, region: string): Promise<RecordOutcome> {
    return this.collection(dataset, region).outcome;
  }

  /** The whole record of a dataset whose data is kept (`kept`: another dataset depends on it). */
  record<T>(dataset: DatasetDeclaration<T>, region: string): Promise<DatasetRecord<T>> {
    // Refused before anything is collected: an undeclared read must not add a record to the snapshot.
    const record = this.options.kept.has(dataset) ? this.collection(dataset, region).record : undefined;
    if (!record) return Promise.reject(new Error(`${dataset.id} is read by a dataset that does not declare it in dependsOn`));
    return record as Promise<DatasetRecord<T>>;
  }

  private collection(dataset: AnyDataset, region: string): Collection {
    if (dataset.scope === 'organization' && this.options.organization) return this.options.organization.collection(dataset, GLOBAL);
    const stored = dataset.scope === 'regional' ? region : GLOBAL;
    const key = `${stored}|${dataset.id}`;
    let collection = this.inFlight.get(key);
    if (!collection) {
      const record = this.collect(dataset, stored).then(async (r) => {
        await this.options.onRecord(r);
        return r;
      });
      collection = { outcome: record.then(outcomeOf), ...(this.options.kept.has(dataset) ? { record } : {}) };
      this.inFlight.set(key, collection);
    }
    return collection;
  }

  private async collect(dataset: AnyDataset, stored: string): Promise<DatasetRecord> {
    if (stored !== GLOBAL) return this.attempt(dataset, stored, stored);
    if (dataset.homeRegion) return this.attempt(dataset, stored, dataset.homeRegion);
    // A dataset no service pins to a region: each of the scan's home regions in turn until one answers.
    let record: DatasetRecord | undefined;
    for (const region of this.options.settings.homeRegions) {
      record = await this.attempt(dataset, stored, region);
      if (record.ok) return record;
    }
    return record ?? this.attempt(dataset, stored, homeRegionOf(dataset));
  }

  private async attempt(dataset: AnyDataset, stored: string, callRegion: string): Promise<DatasetRecord> {
    const log = newRequestLog();
    const ctx: CollectContext = {
      accountId: this.options.accountId,
      region: callRegion,
      clients: this.options.clientsFor(callRegion, log),
      settings: this.options.settings,
      questions: this.options.plan.questions.get(dataset.id) ?? [],
      scannedAccounts: this.options.scannedAccounts,
      dataset: (dep) => this.dependency(dep, stored === GLOBAL ? callRegion : stored),
      shared: this.shared,
    };
    const startedAt = this.now().toISOString();
    const result = await settled(() => this.options.plan.collectorOf(dataset).collect(ctx));
    const base = {
      accountId: this.options.accountId,
      region: stored,
      collector: dataset.id,
      startedAt,
      finishedAt: this.now().toISOString(),
      requestIds: log.requestIds,
    };
    if (result.status === 'fulfilled' && result.value !== undefined) return { ...base, ok: true, data: result.value };
    const error =
      result.status === 'fulfilled'
        ? { kind: 'error' as const, code: 'NoData', message: 'the collector returned nothing' }
        : this.errorOf(result.reason, dataset, callRegion);
    return { ...base, ok: false, error };
  }

  private async dependency<T>(dep: DatasetDeclaration<T>, region: string): Promise<T> {
    const record = await this.record(dep, region);
    if (!record.ok) throw new DependencyFailedError(dep.id, record.error);
    return record.data;
  }

  private errorOf(reason: unknown, dataset: AnyDataset, callRegion: string): DatasetError {
    if (reason instanceof DependencyFailedError) {
      // The dependency's kind carries over: an SCP denial upstream is still an answer, not a fault.
      const { kind, action } = reason.dependencyError;
      const error: DatasetError = { kind, code: 'DependencyFailed', message: reason.message };
      return action === undefined ? error : { ...error, action };
    }
    const action = actionFor(dataset, failedOperationOf(reason));
    return classifyError(reason, action, { optInRegion: this.optInRegions.has(callRegion) });
  }
}
