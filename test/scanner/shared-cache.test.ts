// The scan's shared cache: values that are the same in every account (AWS-managed policy
// documents) are fetched once, and one account's failure does not become another's.

import { describe, expect, it } from 'vitest';
import { DatasetRunner } from '../../src/collect/dataset-runner.js';
import { defineCollector, type ClientFactory } from '../../src/contract/collector.js';
import { defineDataset } from '../../src/contract/dataset.js';
import { GLOBAL } from '../../src/contract/status.js';
import { CALLER, settings } from './fixtures.js';

const noClients: ClientFactory = { get: () => { throw new Error('no clients in this test'); } };

function runners(fetch: (accountId: string) => Promise<string>) {
  const dataset = defineDataset<{ value: string }>({ id: 'test.shared', scope: 'global', actions: [] });
  const collector = defineCollector(dataset, async (ctx) => ({ value: await ctx.shared.get('key', () => fetch(ctx.accountId)) }));
  const options = (accountId: string) => ({
    accountId,
    settings,
    clientsFor: () => noClients,
    onRecord: async () => {},
    plan: { collectorOf: () => collector, questions: new Map() },
    kept: new Set([dataset]),
    scannedAccounts: [],
  });
  const organization = new DatasetRunner(options(CALLER));
  const members = ['111111111111', '333333333333'].map((id) => new DatasetRunner({ ...options(id), organization }));
  return { dataset, all: [organization, ...members] };
}

describe('the shared cache of a scan', () => {
  it('fetches a value once for every account', async () => {
    const calls: string[] = [];
    const { dataset, all } = runners(async (accountId) => {
      calls.push(accountId);
      return 'document';
    });
    const records = await Promise.all(all.map((runner) => runner.record(dataset, GLOBAL)));
    expect(records.map((r) => (r.ok ? r.data.value : r.error.code))).toEqual(['document', 'document', 'document']);
    expect(calls).toEqual([CALLER]);
  });

  it('lets the next account fetch with its own credentials after one fails', async () => {
    const calls: string[] = [];
    const { dataset, all } = runners(async (accountId) => {
      calls.push(accountId);
      if (accountId === CALLER) throw Object.assign(new Error('not authorized'), { name: 'AccessDenied' });
      return `fetched by ${accountId}`;
    });
    const [caller, first, second] = await Promise.all(all.map((runner) => runner.record(dataset, GLOBAL)));
    expect(caller?.ok).toBe(false);
    expect(first?.ok && first.data.value).toBe('fetched by 111111111111');
    expect(second?.ok && second.data.value).toBe('fetched by 111111111111');
    expect(calls).toEqual([CALLER, '111111111111']);
  });
});
