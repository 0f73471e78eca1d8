import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadRuns } from '../../src/storage/download.js';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

function bucket(objects: Record<string, string>): void {
  s3.on(ListObjectsV2Command).callsFake((input: { Prefix: string }) => ({
    Contents: Object.keys(objects).filter((k) => k.startsWith(input.Prefix)).map((Key) => ({ Key })),
  }));
  s3.on(GetObjectCommand).callsFake((input: { Key: string }) => ({
    Body: Readable.from([Buffer.from(objects[input.Key] ?? '')]),
  }));
}

const client = () => new S3Client({ region: 'eu-west-1' });

describe('downloadRuns', () => {
  it('fetches every run folder under a prefix', async () => {
    bucket({
      'shards/exec-1/shard-0/manifest.json': '{"a":0}',
      'shards/exec-1/shard-0/datasets/111111111111.jsonl': 'x\n',
      'shards/exec-1/shard-1/manifest.json': '{"a":1}',
      'shards/exec-1/stray.txt': 'ignored',
      'shards/exec-2/shard-0/manifest.json': 'other execution',
    });
    const root = mkdtempSync(join(tmpdir(), 'pa-dl-'));
    const runs = await downloadRuns(client(), { bucket: 'evidence', prefix: 'shards/exec-1' }, root);
    expect(runs).toEqual([join(root, 'shard-0'), join(root, 'shard-1')]);
    expect(readFileSync(join(root, 'shard-0/datasets/111111111111.jsonl'), 'utf8')).toBe('x\n');
    expect(readFileSync(join(root, 'shard-1/manifest.json'), 'utf8')).toBe('{"a":1}');
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.Key).sort()).toEqual([
      'shards/exec-1/shard-0/datasets/111111111111.jsonl',
      'shards/exec-1/shard-0/manifest.json',
      'shards/exec-1/shard-1/manifest.json',
    ]);
  });

  it('fetches one run when the prefix is the run itself', async () => {
    bucket({ 'runs/2026-11-20/manifest.json': '{}', 'runs/2026-11-20/results.json': '{"r":1}' });
    const root = mkdtempSync(join(tmpdir(), 'pa-dl-'));
    expect(await downloadRuns(client(), { bucket: 'evidence', prefix: 'runs/2026-11-20' }, root)).toEqual([join(root, '2026-11-20')]);
    expect(readFileSync(join(root, '2026-11-20/results.json'), 'utf8')).toBe('{"r":1}');
  });

  it('refuses a prefix without runs and keys that climb out of the folder', async () => {
    bucket({ 'empty/readme.txt': 'no runs here' });
    await expect(downloadRuns(client(), { bucket: 'evidence', prefix: 'empty' }, tmpdir())).rejects.toThrow(/no run directory/);
    bucket({ 'evil/run/manifest.json': '{}', 'evil/run/../../escape': 'x' });
    await expect(downloadRuns(client(), { bucket: 'evidence', prefix: 'evil' }, tmpdir())).rejects.toThrow(/not a plain relative path/);
  });
});
