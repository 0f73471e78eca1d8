// A collector: the only code that calls AWS. It fetches one declared dataset for one account and
// region, normalizes it (parsed booleans, ISO dates, only the fields checks use) and returns it.
// Errors are thrown, never swallowed: the scanner records them on the dataset.

import type { Client } from '@smithy/types';
import type { AnyDataset, DatasetDeclaration } from './dataset.js';
import type { ScanSettings } from './settings.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkClient = Client<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkClientCtor<C extends SdkClient> = new (config: any) => C;

/** The one way collectors obtain SDK clients (configured by src/aws/clients.ts). */
export interface ClientFactory {
  /**
   * The memoized client of this service for the context's account and region, or for another
   * region of the same account (S3 buckets answer only in their own region).
   */
  get<C extends SdkClient>(ctor: SdkClientCtor<C>, region?: string): C;
}

/** Values that are the same in every account (AWS-managed policy documents), fetched once per scan. */
export interface SharedCache {
  /**
   * The value under `key`, fetched by `fetch` the first time it is asked for. A failed fetch is
   * not kept: the next caller fetches with its own account's credentials.
   */
  get<T>(key: string, fetch: () => Promise<T>): Promise<T>;
}

export interface CollectContext {
  accountId: string;
  /** The region the calls go to (the home region for global datasets). */
  region: string;
  clients: ClientFactory;
  settings: ScanSettings;
  /** What the selected checks ask of this dataset (e.g. routing samples); empty when nothing. */
  questions: readonly string[];
  /** Every account this scan covers (some questions are asked once per account). */
  scannedAccounts: readonly string[];
  /** Another dataset of the same account (and region, for regional ones). Memoized. */
  dataset<T>(dataset: DatasetDeclaration<T>): Promise<T>;
  /** Shared by every account of the scan. */
  shared: SharedCache;
}

export interface Collector<T> {
  readonly dataset: DatasetDeclaration<T>;
  collect(ctx: CollectContext): Promise<T>;
}

export type AnyCollector = Collector<any>;

export function defineCollector<T>(dataset: DatasetDeclaration<T>, collect: (ctx: CollectContext) => Promise<T>): Collector<T> {
  return { dataset, collect };
}

/** The IAM action behind a failed operation: the one the dataset maps it to, or its declared action of that name. */
export function actionFor(dataset: AnyDataset, operation: string | undefined): string | undefined {
  if (operation === undefined) return undefined;
  return dataset.operations?.[operation] ?? dataset.actions.find((a) => a.split(':')[1] === operation);
}
