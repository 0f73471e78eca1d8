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

/** A check asked for another account whose datasets are not in memory yet; the engine loads them and asks again. */
export class AccountNotLoaded extends Error {
  constructor(readonly accountId: string) {
    super(`the datasets of account ${accountId} are not loaded`);
  }
}

/** How many other accounts' datasets stay in memory: routing lookups go to a few central accounts. */
const LOADED_ACCOUNTS = 64;

/**
 * The datasets checks read across accounts, loaded one account at a time when a check first asks
 * for that account (checks are pure, so the engine loads it and evaluates the check again). Memory
 * holds the accounts asked for lately, whatever the organization's size; reading every account up
 * front held all of them (29 MB at 1,000 accounts) and cost a pass over every datasets file.
 */
export class CrossAccountIndex implements OrgView {
  readonly scannedAccounts: ReadonlySet<string>;
  private readonly wanted: ReadonlySet<string>;
  /** By account, least recently used first. */
  private readonly loaded = new Map<string, Map<string, DatasetView<unknown>>>();
  /** Accounts a check asked for before they were loaded, even if the check swallowed the error. */
  private readonly missed = new Set<string>();

  constructor(
    datasets: Iterable<AnyDataset>,
    scannedAccounts: Iterable<string>,
    private readonly read: (accountId: string) => AsyncIterable<DatasetRecord>,
  ) {
    this.wanted = new Set([...datasets].map((d) => d.id));
    this.scannedAccounts = new Set(scannedAccounts);
  }

  dataset<T>(dataset: DatasetDeclaration<T>, accountId: string, region: string): DatasetView<T> | undefined {
    if (!this.wanted.has(dataset.id)) throw new Error(`${dataset.id} is read across accounts but no check declares it in readsOtherAccounts`);
    if (!this.scannedAccounts.has(accountId)) return undefined;
    const views = this.loaded.get(accountId);
    if (!views) {
      this.missed.add(accountId);
      throw new AccountNotLoaded(accountId);
    }
    this.loaded.delete(accountId);
    this.loaded.set(accountId, views);
    return views.get(viewKey(dataset.id, region)) as DatasetView<T> | undefined;
  }

  /** Loads the accounts checks asked for since the last call; false when there were none. */
  async loadMissed(): Promise<boolean> {
    if (this.missed.size === 0) return false;
    for (const accountId of this.missed) {
      const views = new Map<string, DatasetView<unknown>>();
      for await (const record of this.read(accountId)) {
        if (this.wanted.has(record.collector)) views.set(viewKey(record.collector, record.region), toView(record));
      }
      this.loaded.set(accountId, views);
    }
    this.missed.clear();
    return true;
  }

  /** Forgets the least recently used accounts; called between evaluations, never during one. */
  trim(): void {
    for (const accountId of this.loaded.keys()) {
      if (this.loaded.size <= LOADED_ACCOUNTS) return;
      this.loaded.delete(accountId);
    }
  }
}

function viewKey(datasetId: string, region: string): string {
  return `${datasetId}\u0000${region}`;
}
