import { readdir, readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import { runScan, type ScanSummary } from '../../src/collect/scanner.js';
import type { Manifest, ManifestAccount } from '../../src/snapshot/manifest.js';
import { readManifest } from '../../src/snapshot/reader.js';
import { createSnapshotWriter } from '../../src/snapshot/writer.js';
import { fakeHttp } from '../aws/fake-http.js';
import { manifestFixture } from '../snapshot/fixtures.js';
import { access, answer, CALLER, DENIED, plan, REACHED, records, runs, secretOf, settings, testVocabulary, tokenOf } from './fixtures.js';

describe('runScan', () => {
  let dir: string;
  let summary: ScanSummary;
  let manifest: Manifest;
  let http: ReturnType<typeof fakeHttp>;
  const finished: ManifestAccount[] = [];
  const byId = (id: string) => manifest.accounts.find((a) => a.accountId === id)!;
  const find = (rs: DatasetRecord[], collector: string, region: string) => {
    const found = rs.filter((r) => r.collector === collector && r.region === region);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'pa-scan-')), 'run');
    http = fakeHttp(answer);
    const pool = createClientPool({ settings, requestHandler: http });
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    summary = await runScan({
      targets: [{ accountId: REACHED[0]!, name: 'dev' }, { accountId: DENIED }, { accountId: REACHED[1]!, tags: { env: 'prod' } }],
      plan,
      settings,
      writer,
      access,
      pool,
      events: { accountFinished: (a) => finished.push(a) },
    });
    manifest = await readManifest(dir, testVocabulary());
  });

  test('the manifest is complete and lists every account with its status', () => {
    expect(manifest.complete).toBe(true);
    expect(manifest.callerIdentity).toEqual(access.caller);
    expect(manifest.accounts.map((a) => [a.accountId, a.status])).toEqual([
      ['111111111111', 'PARTIAL'],
      ['222222222222', 'ERROR'],
      ['333333333333', 'SCANNED'],
    ]);
    expect(summary.accounts).toEqual(manifest.accounts);
    expect(finished.map((a) => a.accountId).sort()).toEqual(['111111111111', '222222222222', '333333333333']);
  });

  test('a refused AssumeRole marks that account ERROR with the reason; the others are scanned', async () => {
    expect(byId(DENIED)).toMatchObject({ status: 'ERROR', error: expect.stringContaining('AccessDenied'), regions: [] });
    expect(await records(dir, DENIED)).toEqual([]);
    expect((await records(dir, '333333333333')).length).toBeGreaterThan(0);
  });

  test('each collector runs once per account and region, dependencies included', async () => {
    const rs = await records(dir, '111111111111');
    expect(rs.map((r) => `${r.region}|${r.collector}`).sort()).toEqual([
      'af-south-1|test.ruleCount',
      'af-south-1|test.rules',
      'eu-west-1|test.ruleCount',
      'eu-west-1|test.rules',
      'global|ec2.regions',
      'global|test.account',
      'us-east-1|test.ruleCount',
      'us-east-1|test.rules',
    ]);
    // Three regions in each of two reached accounts.
    expect(runs.rules).toBe(6);
  });

  test('request IDs of every call are attached to the dataset that made it', async () => {
    const rs = await records(dir, '111111111111');
    const usEast = find(rs, 'test.rules', 'us-east-1');
    expect(usEast).toMatchObject({ ok: true, data: { names: ['rule-111111111111-us-east-1'] } });
    expect(usEast.requestIds).toHaveLength(1);
    expect(usEast.requestIds[0]).toMatch(/^req-111111111111-us-east-1-\d+$/);
    expect(find(rs, 'test.rules', 'eu-west-1').requestIds[0]).toMatch(/^req-111111111111-eu-west-1-\d+$/);
    // Only the dataset's own calls: one built on another dataset alone made none.
    expect(find(rs, 'test.ruleCount', 'us-east-1')).toMatchObject({ ok: true, data: { count: 1 }, requestIds: [] });
    expect(find(rs, 'test.account', 'global')).toMatchObject({ ok: true, data: { names: ['rule-111111111111-us-east-1'] } });
  });

  test('a failed dependency fails the dependent with DependencyFailed naming it', async () => {
    const rs = await records(dir, '111111111111');
    expect(find(rs, 'test.rules', 'eu-west-1')).toMatchObject({
      ok: false,
      error: { kind: 'access-denied', code: 'AccessDeniedException', action: 'events:ListRules' },
    });
    const dependent = find(rs, 'test.ruleCount', 'eu-west-1');
    expect(dependent).toMatchObject({ ok: false, error: { kind: 'access-denied', code: 'DependencyFailed', action: 'events:ListRules' } });
    expect(dependent.ok ? '' : dependent.error.message).toContain('test.rules');
    expect(byId('111111111111').error).toMatch(/2 datasets failed: .*test\.rules in eu-west-1 \(AccessDeniedException\)/);
  });

  test('regions an SCP closes (the probe denied by an explicit SCP deny) or that are not enabled are skipped with the reason, not errors', () => {
    expect(byId('333333333333')).toMatchObject({
      status: 'SCANNED',
      regions: ['us-east-1'],
      skippedRegions: expect.arrayContaining([
        { region: 'me-south-1', reason: 'opt-in region not enabled (not-opted-in)' },
        { region: 'af-south-1', reason: 'region not enabled for this account' },
        { region: 'eu-west-1', reason: 'closed by a service control policy', closedByScp: true },
      ]),
    });
    expect(byId('333333333333').error).toBeUndefined();
    expect(byId('111111111111').regions).toEqual(['af-south-1', 'eu-west-1', 'us-east-1']);
  });

  test('organization collectors run once, with the caller credentials, stored under the caller', async () => {
    const rs = await records(dir, CALLER);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ collector: 'test.org', region: 'global', ok: true, data: { accountId: CALLER } });
    expect(rs[0]!.requestIds[0]).toMatch(/^req-999999999999-us-east-1-/);
  });

  test('call counts per account and service reach the manifest', () => {
    // 111: test.account + 3 regions of test.rules; the eu-west-1 denial is an error.
    expect(byId('111111111111').calls).toEqual({ eventbridge: { requests: 4, retries: 0, throttles: 0, errors: 1 } });
    expect(manifest.totals.requests).toBe(http.requests.length);
  });

  test('no secret key or session token appears in any file of the run', async () => {
    const files = [join(dir, 'manifest.json'), ...(await readdir(join(dir, 'datasets'))).map((f) => join(dir, 'datasets', f))];
    const text = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    expect(text).toContain('not authorized, token [redacted]');
    for (const account of [CALLER, ...REACHED]) {
      expect(text).not.toContain(secretOf(account));
      expect(text).not.toContain(tokenOf(account));
      expect(text).not.toContain(`ASIA${account}`);
    }
  });
});

describe('runScan with the caller among the targets', () => {
  test('the manifest on disk equals what the scan returns and counts every request, the caller\'s included', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'pa-scan-caller-')), 'run');
    const http = fakeHttp(answer);
    const pool = createClientPool({ settings, requestHandler: http });
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    const summary = await runScan({ targets: [{ accountId: CALLER }, { accountId: REACHED[1]! }], plan, settings, writer, access, pool });
    const manifest = await readManifest(dir, testVocabulary());
    expect(manifest.accounts).toEqual(summary.accounts);
    const counted = manifest.accounts.flatMap((a) => Object.values(a.calls)).reduce((sum, c) => sum + c.requests, 0);
    expect(counted).toBe(http.requests.length);
    expect(manifest.totals.requests).toBe(http.requests.length);
  });
});
