// In-memory index of one account's datasets, and the cross-account view checks may consult.

import type { DatasetView, OrgView } from '../contract/check.js';
import type { AnyDataset, DatasetDeclaration } from '../contract/dataset.js';
import type { DatasetRecord } from '../contract/record.js';
import { GLOBAL } from '../contract/status.js';

export class DatasetIndex {
  private readonly records = new Map<string, DatasetRecord>();

  constructor(records: Iterable<DatasetRecord> = []) {
    for (const record of records) this.add(record);
  }

  add(record: DatasetRecord): void {
    this.records.set(key(record.region, record.collector), record);
  }

  get(region: string, datasetId: string): DatasetRecord | undefined {
    return this.records.get(key(region, datasetId));
  }

  /** Regions (other than `global`) that hold at least one dataset. */
  regions(): string[] {
    const regions = new Set<string>();
    for (const record of this.records.values()) if (record.region !== GLOBAL) regions.add(record.region);
    return [...regions].sort();
  }
}

function key(region: string, datasetId: string): string {
  return `${region}\u0000${datasetId}`;
}

export function toView<T>(record: DatasetRecord): DatasetView<T> {
  return record.ok
    ? { ok: true, data: record.data as T, requestIds: record.requestIds }
    : { ok: false, error: record.error };
}

/** The datasets of every scanned account that some check reads across accounts; nothing else is kept. */
export class CrossAccountIndex implements OrgView {
  readonly scannedAccounts = new Set<string>();
  private readonly wanted: ReadonlySet<string>;
  private readonly views = new Map<string, DatasetView<unknown>>();

  constructor(datasets: Iterable<AnyDataset>) {
    this.wanted = new Set([...datasets].map((d) => d.id));
  }

  addAccount(accountId: string): void {
    this.scannedAccounts.add(accountId);
  }

  offer(record: DatasetRecord): void {
    if (this.wanted.has(record.collector)) this.views.set(viewKey(record.collector, record.accountId, record.region), toView(record));
  }

  dataset<T>(dataset: DatasetDeclaration<T>, accountId: string, region: string): DatasetView<T> | undefined {
    if (!this.wanted.has(dataset.id)) throw new Error(`${dataset.id} is read across accounts but no check declares it in readsOtherAccounts`);
    return this.views.get(viewKey(dataset.id, accountId, region)) as DatasetView<T> | undefined;
  }
}

function viewKey(datasetId: string, accountId: string, region: string): string {
  return `${datasetId}\u0000${accountId}\u0000${region}`;
}
