// A CollectContext for collector tests: real SDK clients (mocked by aws-sdk-client-mock) and a
// memoizing dataset() like the scanner's.

import type { ClientFactory, CollectContext, SdkClient, SdkClientCtor } from '../../src/contract/collector.js';
import type { DatasetDeclaration } from '../../src/contract/dataset.js';
import type { ScanSettings } from '../../src/contract/settings.js';
import { collectorOf } from '../../src/datasets/registry.js';

export const ACCOUNT_ID = '111122223333';
export const REGION = 'eu-west-1';

const settings: ScanSettings = {
  roleName: 'PartnerAuditReadOnly',
  concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: 4, perService: 2 },
  retry: { mode: 'standard', maxAttempts: 1 },
  timeouts: { connectMs: 1_000, requestMs: 1_000 },
  runId: 'test-run',
  homeRegions: ['us-east-1'],
};

/** Runs the collector registered for `dataset`. */
export function collect<T>(dataset: DatasetDeclaration<T>, ctx: CollectContext): Promise<T> {
  return collectorOf(dataset).collect(ctx) as Promise<T>;
}

export function testContext(region = REGION, accountId = ACCOUNT_ID, questions: readonly string[] = [], scannedAccounts: readonly string[] = [accountId]): CollectContext {
  const clients: ClientFactory = {
    get: <C extends SdkClient>(ctor: SdkClientCtor<C>) =>
      new ctor({ region, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
  };
  const datasets = new Map<string, Promise<unknown>>();
  const ctx: CollectContext = {
    accountId,
    region,
    clients,
    settings,
    questions,
    scannedAccounts,
    dataset<T>(dataset: DatasetDeclaration<T>): Promise<T> {
      if (!datasets.has(dataset.id)) datasets.set(dataset.id, collect(dataset, ctx));
      return datasets.get(dataset.id) as Promise<T>;
    },
    shared: { get: (_key, fetch) => fetch() },
  };
  return ctx;
}

/** An SDK-style error for codes the SDK does not model (it names those after the wire code). */
export function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, $fault: 'client' });
}
