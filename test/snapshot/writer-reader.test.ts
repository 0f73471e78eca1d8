import { mkdtemp, open, readFile, readdir, writeFile, appendFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { DatasetRecord } from '../../src/contract/record.js';
import { SnapshotError } from '../../src/errors.js';
import { runVocabulary } from '../../src/collect/vocabulary.js';
import { readAccountDatasets, readManifest as readManifestWith } from '../../src/snapshot/reader.js';
import { createSnapshotWriter, datasetsFile } from '../../src/snapshot/writer.js';
import { manifestFixture } from './fixtures.js';

const ok: DatasetRecord = {
  accountId: '111111111111',
  region: 'eu-west-1',
  collector: 'ec2.instances',
  startedAt: '2026-11-23T12:00:01.000Z',
  finishedAt: '2026-11-23T12:00:02.000Z',
  requestIds: ['r-1'],
  ok: true,
  data: { instances: [] },
};
const failed: DatasetRecord = {
  accountId: '111111111111',
  region: 'global',
  collector: 'iam.credentialReport',
  startedAt: '2026-11-23T12:00:01.000Z',
  finishedAt: '2026-11-23T12:00:02.000Z',
  requestIds: ['r-2'],
  ok: false,
  error: { kind: 'access-denied', code: 'AccessDenied', message: 'no', action: 'iam:GenerateCredentialReport' },
};

const readManifest = (dir: string) => readManifestWith(dir, runVocabulary());

async function collect(dir: string, accountId: string): Promise<DatasetRecord[]> {
  const records: DatasetRecord[] = [];
  for await (const r of readAccountDatasets(dir, accountId, runVocabulary())) records.push(r);
  return records;
}

async function tempRun(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'pa-snapshot-')), 'run');
}

describe('snapshot writer and reader', () => {
  test('round trip: manifest at start, records as JSON lines, manifest rewritten as accounts finish and at the end', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    expect(await readManifest(dir)).toMatchObject({ complete: false, runId: 'run-1' });

    await Promise.all([writer.writeRecord(ok), writer.writeRecord(failed)]);
    const account = { accountId: '111111111111', status: 'PARTIAL' as const, regions: ['eu-west-1'], skippedRegions: [], calls: { ec2: { requests: 2, retries: 0, throttles: 0, errors: 1 } } };
    await writer.saveAccount(account, { requests: 2, retries: 0, throttles: 0, errors: 1 });
    expect((await readManifest(dir)).accounts).toEqual([account]);

    await writer.finish('2026-11-23T12:05:00.000Z', { requests: 2, retries: 0, throttles: 0, errors: 1 });
    const manifest = await readManifest(dir);
    expect(manifest).toMatchObject({ complete: true, finishedAt: '2026-11-23T12:05:00.000Z', totals: { requests: 2, errors: 1 } });
    expect(await collect(dir, '111111111111')).toEqual([ok, failed]);
    expect(await collect(dir, '222222222222')).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['datasets', 'manifest.json']);
    const lines = (await readFile(datasetsFile(dir, '111111111111'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
  });

  test('a corrupt line names the file and line number', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    await writer.writeRecord(ok);
    await appendFile(datasetsFile(dir, ok.accountId), '{"accountId": "1111\n');
    const read = collect(dir, ok.accountId);
    await expect(read).rejects.toBeInstanceOf(SnapshotError);
    await expect(read).rejects.toThrow(`${datasetsFile(dir, ok.accountId)}:2: not valid JSON`);
  });

  test('a line that is JSON but not a record is refused too', async () => {
    const dir = await tempRun();
    await createSnapshotWriter(dir, manifestFixture()).start();
    await writeFile(datasetsFile(dir, ok.accountId), `${JSON.stringify(ok)}\n${JSON.stringify({ ok: true })}\n`);
    await expect(collect(dir, ok.accountId)).rejects.toThrow(/:2: accountId: expected string, received undefined$/);
  });

  test.each([
    ['a record without requestIds names the field', { ...ok, requestIds: undefined }, /:1: requestIds: expected array, received undefined$/],
    ['an unknown region', { ...ok, region: '../../etc' }, /:1: region: "..\/..\/etc" is not a region the AWS SDK knows$/],
    ['an unknown dataset', { ...ok, collector: 'x.y' }, /:1: collector: "x.y" is not a dataset this version of partner-audit collects$/],
    ['another account', { ...ok, accountId: '222222222222' }, /:1: accountId: 222222222222 does not match the file's account 111111111111$/],
    ['a failed record without its error', { ...failed, error: undefined }, /:1: error: missing on a failed record$/],
    ['an unknown error kind', { ...failed, error: { ...failed.error, kind: 'oops' } }, /:1: error.kind: /],
  ])('%s is refused, naming the line and field', async (_name, record, message) => {
    const dir = await tempRun();
    await createSnapshotWriter(dir, manifestFixture()).start();
    await writeFile(datasetsFile(dir, ok.accountId), `${JSON.stringify(record)}\n`);
    await expect(collect(dir, ok.accountId)).rejects.toThrow(message);
  });

  test('a second record for the same dataset and region is an error naming both lines', async () => {
    const dir = await tempRun();
    await createSnapshotWriter(dir, manifestFixture()).start();
    const lines = [ok, failed, { ...ok, data: { instances: ['other'] } }].map((r) => JSON.stringify(r)).join('\n');
    await writeFile(datasetsFile(dir, ok.accountId), `${lines}\n`);
    await expect(collect(dir, ok.accountId)).rejects.toThrow(/:3: a second record for ec2.instances in eu-west-1 \(the first is on line 1\)$/);
  });

  test('a manifest account ID that is not 12 digits never becomes a path', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    await writer.update({ accounts: [{ accountId: '../../../evil', status: 'SCANNED', regions: [], skippedRegions: [], calls: {} }] });
    await expect(readManifest(dir)).rejects.toThrow(/manifest.json: accounts\[0\].accountId: "..\/..\/..\/evil" is not a 12-digit AWS account ID$/);
    expect(() => datasetsFile(dir, '../../../evil')).toThrow(SnapshotError);
    await expect(collect(dir, '../x')).rejects.toThrow(/is not a 12-digit AWS account ID/);
  });

  test('a datasets file that links out of the run is refused, and never written through', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    const outside = join(await mkdtemp(join(tmpdir(), 'pa-outside-')), 'secret.jsonl');
    await writeFile(outside, `${JSON.stringify(ok)}\n`);
    await symlink(outside, datasetsFile(dir, ok.accountId));
    await expect(collect(dir, ok.accountId)).rejects.toThrow(/leads outside .* through a symbolic link/);
    await expect(writer.writeRecord(ok)).rejects.toThrow(/ELOOP/);
    await writer.resetAccount(ok.accountId);
    expect(await readFile(outside, 'utf8')).toBe(`${JSON.stringify(ok)}\n`);
    expect(await collect(dir, ok.accountId)).toEqual([]);
  });

  test('missing directory, missing manifest and invalid manifest are one-line SnapshotErrors', async () => {
    const dir = await tempRun();
    await expect(readManifest(dir)).rejects.toThrow(new SnapshotError(`snapshot directory not found: ${dir}`));
    await createSnapshotWriter(dir, manifestFixture()).start();
    await writeFile(join(dir, 'manifest.json'), '{ not json');
    await expect(readManifest(dir)).rejects.toThrow(/manifest.json is not valid JSON/);
    await writeFile(join(dir, 'manifest.json'), '{"schemaVersion": 2}');
    await expect(readManifest(dir)).rejects.toThrow(/is not a partner-audit manifest/);
    const empty = await mkdtemp(join(tmpdir(), 'pa-empty-'));
    await expect(readManifest(empty)).rejects.toThrow(/snapshot has no manifest.json/);
    for (const err of await Promise.allSettled([readManifest(empty)])) {
      if (err.status === 'rejected') expect(String((err.reason as Error).message)).not.toContain('\n');
    }
  });
});

describe('record writes', () => {
  test('records that arrive before the next write of their account file share it, in order', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    const probe = await open(join(dir, 'probe'), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const writes = vi.spyOn(fileHandle, 'write');
    try {
      const records = Array.from({ length: 50 }, (_, i) => ({ ...ok, requestIds: [`r-${i}`] }));
      const other = { ...failed, accountId: '222222222222' };
      await Promise.all([...records.map((r) => writer.writeRecord(r)), writer.writeRecord(other)]);
      // All 50 arrive before their account's write starts: one write per account.
      expect(writes).toHaveBeenCalledTimes(2);
      const lines = async (accountId: string) => (await readFile(datasetsFile(dir, accountId), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
      expect(await lines(ok.accountId)).toEqual(records);
      expect(await lines(other.accountId)).toEqual([other]);
    } finally {
      writes.mockRestore();
    }
  });

  test('a record asked for after resetAccount survives the reset, one asked for before it does not', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    const before = writer.writeRecord(ok);
    const reset = writer.resetAccount(ok.accountId);
    const after = { ...ok, requestIds: ['r-after'] };
    await Promise.all([before, reset, writer.writeRecord(after)]);
    expect(await collect(dir, ok.accountId)).toEqual([after]);
  });
});

describe('interruption and reuse', () => {
  test('an interrupt flushes finished records and leaves an incomplete manifest', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    void writer.writeRecord(ok);
    void writer.saveAccount({ accountId: ok.accountId, status: 'PENDING', regions: [], skippedRegions: [], calls: {} }, { requests: 1, retries: 0, throttles: 0, errors: 0 });
    expect(await writer.interrupt('SIGINT')).toBe(130);
    expect(await writer.interrupt('SIGTERM')).toBe(143);
    expect(await collect(dir, ok.accountId)).toEqual([ok]);
    expect(await readManifest(dir)).toMatchObject({ complete: false, totals: { requests: 1 }, accounts: [{ status: 'PENDING' }] });
  });

  test('handleSignals installs and removes its handlers', () => {
    const writer = createSnapshotWriter('/nonexistent', manifestFixture());
    const before = process.listenerCount('SIGTERM');
    const release = writer.handleSignals();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    release();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  test('start refuses a directory that already holds a run; resetAccount empties one account', async () => {
    const dir = await tempRun();
    const writer = createSnapshotWriter(dir, manifestFixture());
    await writer.start();
    await expect(createSnapshotWriter(dir, manifestFixture()).start()).rejects.toThrow(/already holds a run/);
    await writer.writeRecord(ok);
    await writer.resetAccount(ok.accountId);
    await writer.resetAccount('000000000000');
    expect(await collect(dir, ok.accountId)).toEqual([]);
  });
});
