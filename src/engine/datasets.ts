// In-memory index of one account's datasets, and the cross-account view checks may consult.

import type { DatasetRecord } from '../collect/collector.js';
import type { EventRulesEvidence } from '../collect/evidence.js';
import { eventRules } from '../collect/collectors/eventbridge.js';
import { GLOBAL } from '../model.js';
import type { DatasetView, OrgView } from './check.js';

export class DatasetIndex {
  private readonly records = new Map<string, DatasetRecord>();

  constructor(records: Iterable<DatasetRecord> = []) {
    for (const record of records) this.add(record);
  }

  add(record: DatasetRecord): void {
    this.records.set(key(record.region, record.collector), record);
  }

  get(region: string, collectorId: string): DatasetRecord | undefined {
    return this.records.get(key(region, collectorId));
  }

  /** Regions (other than `global`) that hold at least one dataset. */
  regions(): string[] {
    const regions = new Set<string>();
    for (const record of this.records.values()) if (record.region !== GLOBAL) regions.add(record.region);
    return [...regions].sort();
  }
}

function key(region: string, collectorId: string): string {
  return `${region}\u0000${collectorId}`;
}

export function toView<T>(record: DatasetRecord): DatasetView<T> {
  return record.ok
    ? { ok: true, data: record.data as T, requestIds: record.requestIds }
    : { ok: false, error: record.error };
}

/** Routing rules of every scanned account, kept small: only the eventbridge datasets. */
export class RoutingIndex implements OrgView {
  readonly scannedAccounts = new Set<string>();
  private readonly rules = new Map<string, DatasetView<EventRulesEvidence>>();

  addAccount(accountId: string): void {
    this.scannedAccounts.add(accountId);
  }

  offer(record: DatasetRecord): void {
    if (record.collector !== eventRules.id) return;
    this.rules.set(`${record.accountId}/${record.region}`, toView<EventRulesEvidence>(record));
  }

  eventRules(accountId: string, region: string): DatasetView<EventRulesEvidence> | undefined {
    return this.rules.get(`${accountId}/${region}`);
  }
}
