// Runs the collectors of one account: each exactly once per account+region (the in-flight promise
// is memoized, so `ctx.dataset(dep)` shares it), inside its own request log, and turns the outcome
// into a DatasetRecord: the data, or the classified error. Records are handed on as they finish.

import type { ClientFactory } from '../aws/client-factory.js';
import { classifyError } from '../aws/errors.js';
import { failedOperationOf, withRequestLog } from '../aws/request-log.js';
import type { ScanSettings } from '../config/schema.js';
import { GLOBAL } from '../model.js';
import type { CollectContext, Collector, DatasetError, DatasetRecord } from './collector.js';
import { homeRegionOf } from './plan.js';

export interface DatasetRunnerOptions {
  accountId: string;
  settings: ScanSettings;
  clientsFor(region: string): ClientFactory;
  /** Called with each record as soon as it is complete (the snapshot writer). */
  onRecord(record: DatasetRecord): Promise<void>;
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

/** The IAM action behind a failed operation: the collector's declared action with that name. */
function actionFor(collector: Collector<unknown>, operation: string | undefined): string | undefined {
  return operation === undefined ? undefined : collector.actions.find((a) => a.split(':')[1] === operation);
}

export class DatasetRunner {
  private readonly inFlight = new Map<string, Promise<DatasetRecord>>();
  private optInRegions = new Set<string>();
  private readonly now: () => Date;

  constructor(private readonly options: DatasetRunnerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Opt-in regions of the account, so an unknown-credentials answer there reads as "not enabled". */
  setOptInRegions(regions: readonly string[]): void {
    this.optInRegions = new Set(regions);
  }

  /** The record of `collector` in `region` (ignored for global and organization collectors). */
  run<T>(collector: Collector<T>, region: string): Promise<DatasetRecord<T>> {
    const c = collector as Collector<unknown>;
    if (c.scope === 'organization' && this.options.organization) return this.options.organization.run(collector, GLOBAL);
    const stored = c.scope === 'regional' ? region : GLOBAL;
    const key = `${stored}|${c.id}`;
    let record = this.inFlight.get(key);
    if (!record) {
      record = this.collect(c, stored).then(async (r) => {
        await this.options.onRecord(r);
        return r;
      });
      this.inFlight.set(key, record);
    }
    return record as Promise<DatasetRecord<T>>;
  }

  private async collect(collector: Collector<unknown>, stored: string): Promise<DatasetRecord> {
    const callRegion = stored === GLOBAL ? homeRegionOf(collector) : stored;
    const ctx: CollectContext = {
      accountId: this.options.accountId,
      region: callRegion,
      clients: this.options.clientsFor(callRegion),
      settings: this.options.settings,
      dataset: (dep) => this.dependency(dep, stored === GLOBAL ? callRegion : stored),
    };
    const startedAt = this.now().toISOString();
    const { log, result } = await withRequestLog(() => collector.collect(ctx));
    const base = {
      accountId: this.options.accountId,
      region: stored,
      collector: collector.id,
      startedAt,
      finishedAt: this.now().toISOString(),
      requestIds: log.requestIds,
    };
    if (result.status === 'fulfilled' && result.value !== undefined) return { ...base, ok: true, data: result.value };
    const error =
      result.status === 'fulfilled'
        ? { kind: 'error' as const, code: 'NoData', message: 'the collector returned nothing' }
        : this.errorOf(result.reason, collector, callRegion);
    return { ...base, ok: false, error };
  }

  private async dependency<T>(dep: Collector<T>, region: string): Promise<T> {
    const record = await this.run(dep, region);
    if (!record.ok) throw new DependencyFailedError(dep.id, record.error);
    return record.data;
  }

  private errorOf(reason: unknown, collector: Collector<unknown>, callRegion: string): DatasetError {
    if (reason instanceof DependencyFailedError) {
      // The dependency's kind carries over: an SCP denial upstream is still an answer, not a fault.
      const { kind, action } = reason.dependencyError;
      const error: DatasetError = { kind, code: 'DependencyFailed', message: reason.message };
      return action === undefined ? error : { ...error, action };
    }
    const action = actionFor(collector, failedOperationOf(reason));
    return classifyError(reason, action, { optInRegion: this.optInRegions.has(callRegion) });
  }
}
