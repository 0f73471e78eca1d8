import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import type { RegionsEvidence } from '../../src/datasets/ec2/datasets.js';
import { resumeScan } from '../../src/bookkeeping/resume.js';
import { runScan } from '../../src/collect/scanner.js';
import { readManifest } from '../../src/snapshot/reader.js';
import { createSnapshotWriter, datasetsFile } from '../../src/snapshot/writer.js';
import { fakeHttp } from '../aws/fake-http.js';
import { manifestFixture } from '../snapshot/fixtures.js';
import { access, answer, CALLER, plan, records, settings, testDataset, testVocabulary } from './fixtures.js';

async function newRun() {
  const dir = join(await mkdtemp(join(tmpdir(), 'pa-edge-')), 'run');
  const writer = createSnapshotWriter(dir, manifestFixture());
  await writer.start();
  return { dir, writer, pool: createClientPool({ settings, requestHandler: fakeHttp(answer) }) };
}

describe('scanner edge cases', () => {
  test('when the region list fails, the requested regions are still tried, and with --regions the account is complete', async () => {
    const { dir, writer, pool } = await newRun();
    const brokenRegions = testDataset<RegionsEvidence>({ id: 'test.brokenRegions', scope: 'global', actions: ['ec2:DescribeRegions'] }, async () => {
      throw Object.assign(new Error('not authorized'), { name: 'UnauthorizedOperation' });
    });
    await runScan({
      targets: [{ accountId: '333333333333' }],
      plan: { ...plan, organization: [], regions: brokenRegions },
      settings: { ...settings, regions: ['us-east-1'] },
      writer,
      access,
      pool,
      handleSignals: false,
    });
    const account = (await readManifest(dir, testVocabulary())).accounts[0]!;
    expect(account).toMatchObject({ status: 'SCANNED', regions: ['us-east-1'] });
    expect(account.error).toBeUndefined();
    const rs = await records(dir, '333333333333');
    expect(rs.find((r) => r.collector === 'test.brokenRegions')).toMatchObject({
      ok: false,
      error: { kind: 'access-denied', code: 'UnauthorizedOperation' },
    });
    expect(rs.find((r) => r.collector === 'test.rules')).toMatchObject({ ok: true, region: 'us-east-1' });
  });

  test('a dataset AWS prepares for a while (startsFirst) starts before the account\'s region list', async () => {
    const { writer, pool } = await newRun();
    const started: string[] = [];
    const slow = testDataset<{ x: number }>({ id: 'test.slowReport', scope: 'global', actions: [], startsFirst: true }, async () => {
      started.push('report');
      return { x: 1 };
    });
    const regions = testDataset<RegionsEvidence>({ id: 'test.trackedRegions', scope: 'global', actions: [] }, async () => {
      started.push('regions');
      return { regions: [{ name: 'us-east-1', optInStatus: 'opt-in-not-required' }] };
    });
    await runScan({ targets: [{ accountId: '111111111111' }], plan: { ...plan, organization: [], regions, global: [slow], regional: [] }, settings, writer, access, pool, handleSignals: false });
    expect(started).toEqual(['report', 'regions']);
  });

  test('with one account at a time, the next account\'s startsFirst dataset starts while the first account is scanned, and runs once', async () => {
    const { dir, writer, pool } = await newRun();
    const events: string[] = [];
    const slow = testDataset<{ x: number }>({ id: 'test.slowReport', scope: 'global', actions: [], startsFirst: true }, async (ctx) => {
      events.push(`report ${ctx.accountId}`);
      await new Promise((r) => setTimeout(r, 50));
      return { x: 1 };
    });
    const targets = [{ accountId: '111111111111' }, { accountId: '333333333333' }];
    await runScan({
      targets,
      plan: { ...plan, organization: [], global: [slow], regional: [] },
      settings: { ...settings, concurrency: { ...settings.concurrency, accounts: 1 } },
      writer,
      access,
      pool,
      handleSignals: false,
      events: { accountStarted: (id) => events.push(`start ${id}`), accountFinished: (a) => events.push(`end ${a.accountId}`) },
    });
    // The second account's report began before the first account ended, not after its own start.
    expect(events.indexOf('report 333333333333')).toBeLessThan(events.indexOf('end 111111111111'));
    expect(events.filter((e) => e === 'report 333333333333')).toHaveLength(1);
    const rs = await records(dir, '333333333333');
    expect(rs.filter((r) => r.collector === 'test.slowReport')).toEqual([expect.objectContaining({ ok: true, data: { x: 1 } })]);
  });

  test('an account left waiting only on its startsFirst dataset and what depends on it parks: with the automatic bound the next account starts', async () => {
    const events: string[] = [];
    const slow = testDataset<{ x: number }>({ id: 'test.parkedReport', scope: 'global', actions: [], startsFirst: true }, async (ctx) => {
      await new Promise((r) => setTimeout(r, ctx.accountId === '111111111111' ? 300 : 0));
      return { x: 1 };
    });
    const dependent = testDataset<{ y: number }>({ id: 'test.reportUsers', scope: 'global', actions: [], dependsOn: [slow] }, async (ctx) => ({
      y: (await ctx.dataset(slow)).x + 1,
    }));
    const scanWith = async (accounts: 'auto' | number) => {
      const { dir, writer, pool } = await newRun();
      events.length = 0;
      await runScan({
        targets: [{ accountId: '111111111111' }, { accountId: '333333333333' }],
        plan: { ...plan, organization: [], global: [slow, dependent] },
        // Two slots: the automatic bound is one account at work, and one parked beside it.
        settings: { ...settings, concurrency: { ...settings.concurrency, requestsInFlight: 2, accounts } },
        writer,
        access,
        pool,
        handleSignals: false,
        events: { accountStarted: (id) => events.push(`start ${id}`), accountFinished: (a) => events.push(`end ${a.accountId}`) },
      });
      return dir;
    };
    const outcome = async (dir: string) => (await readManifest(dir, testVocabulary())).accounts.map((a) => [a.accountId, a.status, a.error]);
    const parked = await scanWith('auto');
    expect(events).toEqual(['start 111111111111', 'start 333333333333', 'end 333333333333', 'end 111111111111']);
    // The parked account's datasets are all collected and recorded.
    const rs = await records(parked, '111111111111');
    expect(rs.find((r) => r.collector === 'test.reportUsers')).toMatchObject({ ok: true, data: { y: 2 } });
    expect(rs.find((r) => r.collector === 'test.parkedReport')).toMatchObject({ ok: true, data: { x: 1 } });
    // A number given for accounts bounds parked accounts too; the accounts come out the same.
    const oneByOne = await scanWith(1);
    expect(events).toEqual(['start 111111111111', 'end 111111111111', 'start 333333333333', 'end 333333333333']);
    expect(await outcome(parked)).toEqual(await outcome(oneByOne));
  });

  test('a head start for an account the deadline leaves unscanned ends before the scan does', async () => {
    const { dir, writer, pool } = await newRun();
    let reached = false;
    const deadline = { at: new Date().toISOString(), signal: new AbortController().signal, reached: () => reached };
    const slow = testDataset<{ x: number }>({ id: 'test.slowReport', scope: 'global', actions: [], startsFirst: true }, async (ctx) => {
      if (ctx.accountId === '111111111111') reached = true;
      // The unscanned account's report outlasts the scanned account's.
      await new Promise((r) => setTimeout(r, ctx.accountId === '111111111111' ? 50 : 300));
      return { x: 1 };
    });
    await runScan({
      targets: [{ accountId: '111111111111' }, { accountId: '333333333333' }],
      plan: { ...plan, organization: [], global: [slow], regional: [] },
      settings: { ...settings, concurrency: { ...settings.concurrency, accounts: 1 } },
      writer,
      access,
      pool,
      deadline,
      handleSignals: false,
    });
    const unscanned = (await readManifest(dir, testVocabulary())).accounts.find((a) => a.accountId === '333333333333');
    expect(unscanned).toMatchObject({ status: 'PARTIAL', stoppedBy: 'deadline' });
    const atReturn = await readFile(datasetsFile(dir, '333333333333'), 'utf8');
    expect(atReturn).toContain('test.slowReport');
    await new Promise((r) => setTimeout(r, 400));
    expect(await readFile(datasetsFile(dir, '333333333333'), 'utf8')).toBe(atReturn);
  });

  test('a collector that returns nothing is a failed dataset, never an empty one', async () => {
    const { dir, writer, pool } = await newRun();
    const silent = testDataset<{ x: number }>({ id: 'test.silent', scope: 'global', actions: [] }, async () => undefined as unknown as { x: number });
    await runScan({ targets: [{ accountId: '111111111111' }], plan: { ...plan, organization: [], global: [silent], regional: [] }, settings, writer, access, pool, handleSignals: false });
    const rs = await records(dir, '111111111111');
    expect(rs.find((r) => r.collector === 'test.silent')).toMatchObject({ ok: false, error: { kind: 'error', code: 'NoData' } });
  });
});

describe('resumeScan', () => {
  test('rescans only unfinished accounts, emptying their partial datasets first', async () => {
    const { dir, writer } = await newRun();
    const finishedLine = JSON.stringify({ accountId: '111111111111', region: 'global', collector: 'test.account', startedAt: '', finishedAt: '', requestIds: [], ok: true, data: { names: [] } });
    await writer.update({
      callerIdentity: access.caller,
      accounts: [
        { accountId: '111111111111', status: 'SCANNED', regions: ['us-east-1'], skippedRegions: [], calls: {}, startedAt: 'a', finishedAt: 'b' },
        { accountId: '333333333333', name: 'prod', status: 'PENDING', regions: [], skippedRegions: [], calls: {} },
      ],
      totals: { requests: 5, retries: 0, throttles: 0, errors: 0 },
    });
    await writeFile(datasetsFile(dir, '111111111111'), `${finishedLine}\n`);
    await writeFile(datasetsFile(dir, '333333333333'), '{"accountId":"333333333333","region":"us-east-1","colle');
    await writeFile(datasetsFile(dir, CALLER), `${JSON.stringify({ accountId: CALLER, region: 'global', collector: 'test.org', startedAt: '', finishedAt: '', requestIds: [], ok: true, data: { accountId: CALLER } })}\n`);

    const pool = createClientPool({ settings, requestHandler: fakeHttp(answer) });
    const summary = await resumeScan({ dir, plan, settings, access, pool, handleSignals: false, vocabulary: testVocabulary() });

    expect(summary.rescanned).toEqual(['333333333333']);
    const manifest = await readManifest(dir, testVocabulary());
    expect(manifest.complete).toBe(true);
    expect(manifest.accounts.map((a) => [a.accountId, a.status])).toEqual([
      ['111111111111', 'SCANNED'],
      ['333333333333', 'SCANNED'],
    ]);
    expect(manifest.accounts[1]!.name).toBe('prod');
    expect(manifest.totals.requests).toBe(5 + pool.metrics.totals().requests);
    expect(await readFile(datasetsFile(dir, '111111111111'), 'utf8')).toBe(`${finishedLine}\n`);
    const rescanned = await records(dir, '333333333333');
    expect(rescanned.map((r) => r.collector)).toContain('test.rules');
    // The organization dataset was already stored: not collected twice.
    expect((await records(dir, CALLER)).filter((r) => r.collector === 'test.org')).toHaveLength(1);
  });

  test('a complete run is left alone; another caller is refused', async () => {
    const { dir, writer } = await newRun();
    await writer.update({ callerIdentity: { accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/x' } });
    const pool = createClientPool({ settings, requestHandler: fakeHttp(answer) });
    await expect(resumeScan({ dir, plan, settings, access, pool, handleSignals: false, vocabulary: testVocabulary() })).rejects.toThrow(/made from account 123456789012/);
    await writer.finish('2026-11-23T13:00:00.000Z', { requests: 0, retries: 0, throttles: 0, errors: 0 });
    expect((await resumeScan({ dir, plan, settings, access, pool, handleSignals: false, vocabulary: testVocabulary() })).rescanned).toEqual([]);
  });

});

type Writer = Parameters<typeof runScan>[0]['writer'];
type Pool = Parameters<typeof runScan>[0]['pool'];

function oneAccountAtATime(targets: { accountId: string }[], writer: Writer, pool: Pool, accountStarted: (id: string) => void) {
  return runScan({
    targets,
    plan: { ...plan, organization: [] },
    settings: { ...settings, concurrency: { ...settings.concurrency, accounts: 1 } },
    writer,
    access,
    pool,
    handleSignals: false,
    events: { accountStarted },
  });
}

describe('account saves', () => {
  test('a finished account does not hold its place while its manifest save waits; the scan ends after every save', async () => {
    const { dir, writer, pool } = await newRun();
    const events: string[] = [];
    const slowSaves: typeof writer = {
      ...writer,
      saveAccount: async (account, totals) => {
        await new Promise((r) => setTimeout(r, 200));
        await writer.saveAccount(account, totals);
        events.push(`saved ${account.accountId}`);
      },
    };
    const targets = [{ accountId: '111111111111' }, { accountId: '333333333333' }];
    await oneAccountAtATime(targets, slowSaves, pool, (id) => events.push(`start ${id}`));
    expect(events.indexOf('start 333333333333')).toBeLessThan(events.indexOf('saved 111111111111'));
    expect(events).toContain('saved 333333333333');
    // Both saves reached the manifest (the fixture denies account 111111111111 one region: PARTIAL).
    const saved = (await readManifest(dir, testVocabulary())).accounts.map((a) => [a.accountId, a.status]);
    expect(saved).toEqual([['111111111111', 'PARTIAL'], ['333333333333', 'SCANNED']]);
  });

  test('a failed account save stops new accounts and fails the scan with its error', async () => {
    const { writer, pool } = await newRun();
    const started: string[] = [];
    const failingSaves: typeof writer = {
      ...writer,
      saveAccount: async () => {
        throw new Error('no space left on device');
      },
    };
    const targets = [{ accountId: '111111111111' }, { accountId: '333333333333' }, { accountId: '444444444444' }];
    const scan = oneAccountAtATime(targets, failingSaves, pool, (id) => started.push(id));
    await expect(scan).rejects.toThrow('no space left on device');
    expect(started).toEqual(['111111111111']);
  });
});
