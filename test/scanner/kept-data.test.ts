// Once a record is written, an account's runner keeps its data only when another dataset depends on
// it (issue 14: an account at work holds its datasets in progress, not everything it collected).

import { describe, expect, it } from 'vitest';
import { DatasetRunner } from '../../src/collect/dataset-runner.js';
import { keptDatasets } from '../../src/collect/plan.js';
import { defineCollector, type AnyCollector, type ClientFactory } from '../../src/contract/collector.js';
import { defineDataset, type AnyDataset } from '../../src/contract/dataset.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import { GLOBAL } from '../../src/contract/status.js';
import { ec2Regions } from '../../src/datasets/ec2/datasets.js';
import { settings } from './fixtures.js';

const noClients: ClientFactory = { get: () => { throw new Error('no clients in this test'); } };

const users = defineDataset<{ names: string[] }>({ id: 'test.users', scope: 'global', actions: [] });
const keys = defineDataset<{ count: number }>({ id: 'test.keys', scope: 'global', actions: [], dependsOn: [users] });
const roles = defineDataset<{ count: number }>({ id: 'test.roles', scope: 'global', actions: [] });
/** Reads `roles` without declaring it: a programming error that must surface as this dataset's error. */
const sneaky = defineDataset<{ count: number }>({ id: 'test.sneaky', scope: 'global', actions: [] });

const collectors = new Map<AnyDataset, AnyCollector>([
  [users, defineCollector(users, async () => ({ names: ['alice', 'bob'] }))],
  [keys, defineCollector(keys, async (ctx) => ({ count: (await ctx.dataset(users)).names.length }))],
  [roles, defineCollector(roles, async () => ({ count: 3 }))],
  [sneaky, defineCollector(sneaky, async (ctx) => ({ count: (await ctx.dataset(roles)).count }))],
]);

function runner(written: DatasetRecord[]) {
  const plan = { regions: ec2Regions, organization: [], global: [users, keys, roles, sneaky], regional: [] };
  return new DatasetRunner({
    accountId: '111111111111',
    settings,
    clientsFor: () => noClients,
    onRecord: async (record) => void written.push(record),
    plan: { collectorOf: (d) => collectors.get(d)!, questions: new Map() },
    kept: keptDatasets(plan),
    scannedAccounts: [],
  });
}

describe('the data an account runner keeps', () => {
  it('keeps the region list and the datasets others depend on, nothing else', () => {
    const kept = keptDatasets({ regions: ec2Regions, organization: [], global: [users, keys, roles, sneaky], regional: [] });
    expect([...kept].map((d) => d.id).sort()).toEqual(['ec2.regions', 'test.users']);
  });

  it('answers with the outcome only, after the whole record was written', async () => {
    const written: DatasetRecord[] = [];
    const outcome = await runner(written).run(roles, GLOBAL);
    expect(outcome).toEqual({ region: GLOBAL, collector: 'test.roles', ok: true });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ collector: 'test.roles', ok: true, data: { count: 3 } });
  });

  it('gives a dependent the data of a kept dataset, collected once', async () => {
    const written: DatasetRecord[] = [];
    const scan = runner(written);
    const [keysOutcome, usersRecord] = await Promise.all([scan.run(keys, GLOBAL), scan.record(users, GLOBAL)]);
    expect(keysOutcome.ok).toBe(true);
    expect(usersRecord).toMatchObject({ ok: true, data: { names: ['alice', 'bob'] } });
    expect(written.find((r) => r.collector === 'test.keys')).toMatchObject({ ok: true, data: { count: 2 } });
    expect(written.filter((r) => r.collector === 'test.users')).toHaveLength(1);
  });

  it('refuses the whole record of a dataset it does not keep, without collecting it', async () => {
    const written: DatasetRecord[] = [];
    await expect(runner(written).record(roles, GLOBAL)).rejects.toThrow('test.roles is read by a dataset that does not declare it in dependsOn');
    expect(written).toEqual([]);
  });

  it('records an undeclared dependency as the reading dataset\'s error, never as data', async () => {
    const written: DatasetRecord[] = [];
    const outcome = await runner(written).run(sneaky, GLOBAL);
    expect(outcome.ok).toBe(false);
    const record = written.find((r) => r.collector === 'test.sneaky');
    expect(record?.ok).toBe(false);
    expect(record && !record.ok && record.error.message).toContain('does not declare it in dependsOn');
    // The undeclared dataset was not collected on the side.
    expect(written.map((r) => r.collector)).toEqual(['test.sneaky']);
  });
});
