// copySnapshot (`scan --snapshot`): every account's datasets checked and copied, a few accounts at
// once, and a bad record reported for the first account in manifest order whatever finishes first.

import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVocabulary } from '../../src/collect/vocabulary.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import { copySnapshot } from '../../src/run/snapshot-copy.js';
import { DATASETS_DIR, MANIFEST_FILE, type ManifestAccount } from '../../src/snapshot/manifest.js';
import { datasetsFile } from '../../src/snapshot/layout.js';
import { manifestFixture } from '../snapshot/fixtures.js';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'];

/** A record padded to 20 KB, so a file of many takes several reads to check. */
function record(accountId: string, region: string): DatasetRecord {
  const base = { accountId, region, collector: 'ec2.instances', startedAt: 't0', finishedAt: 't1', requestIds: ['r-1'] };
  return { ...base, ok: true, data: { instances: [], note: 'x'.repeat(20_000) } };
}

/** One valid line per region, for the first `count` regions the SDK knows. */
function lines(accountId: string, count: number): string {
  const regions = [...runVocabulary().regions].slice(0, count);
  return regions.map((region) => JSON.stringify(record(accountId, region))).join('\n') + '\n';
}

async function snapshotWith(files: Record<string, string>): Promise<{ snapshot: string; out: string }> {
  const root = await mkdtemp(join(tmpdir(), 'pa-copy-'));
  const snapshot = join(root, 'snapshot');
  await mkdir(join(snapshot, DATASETS_DIR), { recursive: true });
  const accounts: ManifestAccount[] = ACCOUNTS.map((accountId) => ({ accountId, status: 'SCANNED', regions: [], skippedRegions: [], calls: {} }));
  await writeFile(join(snapshot, MANIFEST_FILE), JSON.stringify({ ...manifestFixture(), complete: true, accounts }));
  for (const [accountId, text] of Object.entries(files)) await writeFile(datasetsFile(snapshot, accountId), text);
  const out = join(root, 'out');
  await mkdir(out);
  return { snapshot, out };
}

describe('copySnapshot', () => {
  it('copies the manifest and each account’s datasets file byte for byte', async () => {
    const files = Object.fromEntries(ACCOUNTS.map((id, i) => [id, lines(id, 3 + i)]));
    const { snapshot, out } = await snapshotWith(files);
    await copySnapshot(snapshot, out, runVocabulary());
    for (const id of ACCOUNTS) expect(await readFile(datasetsFile(out, id), 'utf8')).toBe(files[id]);
    expect(await readFile(join(out, MANIFEST_FILE), 'utf8')).toBe(await readFile(join(snapshot, MANIFEST_FILE), 'utf8'));
  });

  it('names the first account in order with a bad record, though a later one fails sooner', async () => {
    const [first, , third] = ACCOUNTS as [string, string, string];
    const files = Object.fromEntries(ACCOUNTS.map((id) => [id, lines(id, 20)]));
    files[first] = `${lines(first, 20)}{"accountId": "1111\n`;
    files[third] = `{"accountId": "3333\n`;
    const { snapshot, out } = await snapshotWith(files);
    await expect(copySnapshot(snapshot, out, runVocabulary())).rejects.toThrow(`${datasetsFile(snapshot, first)}:21: not valid JSON`);
  });
});
