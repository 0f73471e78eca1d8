// A collector is the only code that calls AWS. It fetches one dataset for one account+region,
// normalizes it (parsed booleans, ISO dates, only the fields checks use) and returns it.
// Errors are thrown, never swallowed: the scanner records them on the dataset.

import type { ClientFactory } from '../aws/client-factory.js';
import type { ScanSettings } from '../config/schema.js';

/**
 * - `regional`: once per account and enabled region.
 * - `global`: once per account, called in `homeRegion` (IAM, Support, Health, Organizations).
 * - `organization`: once per scan, with the base (caller) credentials, stored under the caller account.
 */
export type CollectorScope = 'regional' | 'global' | 'organization';

export interface CollectContext {
  accountId: string;
  /** The region the calls go to (the home region for global collectors). */
  region: string;
  clients: ClientFactory;
  settings: ScanSettings;
  /** The dataset of another collector for the same account (and region, for regional ones). Memoized. */
  dataset<T>(collector: Collector<T>): Promise<T>;
}

export interface Collector<T> {
  /** Stable dataset id, e.g. `iam.credentialReport`. Used as snapshot key. */
  readonly id: string;
  readonly scope: CollectorScope;
  /** Where global/organization collectors call; defaults to us-east-1. */
  readonly homeRegion?: string;
  /** Exact IAM actions the collector calls (its dependencies' actions are declared by them). */
  readonly actions: readonly string[];
  /** Collectors whose data this one reads through `ctx.dataset` (for the policy and the plan). */
  readonly dependsOn?: readonly Collector<unknown>[];
  collect(ctx: CollectContext): Promise<T>;
}

export type DataOf<C> = C extends Collector<infer T> ? T : never;

export function defineCollector<T>(collector: Collector<T>): Collector<T> {
  return collector;
}

/** How a failed dataset failed. `scp-denied` and `region-disabled` are answers about the region, not faults. */
export type DatasetErrorKind = 'access-denied' | 'scp-denied' | 'region-disabled' | 'throttled' | 'error';

export interface DatasetError {
  kind: DatasetErrorKind;
  code: string;
  message: string;
  /** The IAM action that was refused, when known. */
  action?: string;
}

interface DatasetRecordBase {
  accountId: string;
  /** `global` for global and organization collectors. */
  region: string;
  collector: string;
  startedAt: string;
  finishedAt: string;
  requestIds: string[];
}

export interface DatasetSuccess<T = unknown> extends DatasetRecordBase {
  ok: true;
  data: T;
}

export interface DatasetFailure extends DatasetRecordBase {
  ok: false;
  error: DatasetError;
}

export type DatasetRecord<T = unknown> = DatasetSuccess<T> | DatasetFailure;
