// `--upload` through the real S3 client: every run file streamed from disk with its SHA-256, which
// the fake S3 checks against the bytes it receives, as S3 does; a throttled upload retried by the
// SDK with the whole file sent again. And back (`merge s3://...`): listed over pages, streamed to
// disk, each body checked by the SDK against the checksum stored with it.

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { downloadRuns } from '../../src/storage/download.js';
import { parseS3Uri, uploadRun } from '../../src/storage/upload.js';
import { wireScenario } from './fixtures.js';
import { useFakeAws } from './harness.js';

const fake = useFakeAws(() => {
  const scenario = wireScenario();
  scenario.accounts[0]!.s3 = { buckets: [{ name: 'evidence', versioned: true }] };
  // The first three PutObjects, one per file before SHA256SUMS, are answered SlowDown (503); each
  // retry must send the whole file again.
  scenario.faults = { throttle: [{ action: 's3:PutObject', count: 3 }] };
  return scenario;
});

const RUN = '2026-12-03T020000Z';

/** A run directory: a 3 MB binary file, multi-byte text over several read chunks, SHA256SUMS. */
function runDir(): { dir: string; files: Record<string, Buffer> } {
  const dir = join(mkdtempSync(join(tmpdir(), 'pa-wire-up-')), RUN);
  mkdirSync(join(dir, 'datasets'), { recursive: true });
  const files: Record<string, Buffer> = {
    'a-findings.xlsx': randomBytes(3 * 1024 * 1024),
    'datasets/222222222222.jsonl': Buffer.from('{"dataset":"iam.users","note":"naïve ✓"}\n'.repeat(5_000)),
    'results.json': Buffer.from('{"schemaVersion":1}\n'),
    SHA256SUMS: Buffer.from('placeholder  results.json\n'),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return { dir, files };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64');

describe('uploadRun against S3 on the wire', () => {
  it('stores every file byte for byte with its SHA-256, retrying a throttled upload in full', async () => {
    const { dir, files } = runDir();
    const client = new S3Client({ region: 'us-east-1', maxAttempts: 3 });
    const uploaded = await uploadRun(client, dir, parseS3Uri('s3://evidence/audits'));
    client.destroy();

    expect(fake().stats().errors.SlowDown).toBe(3);
    for (const [name, bytes] of Object.entries(files)) {
      const stored = fake().storedObject('evidence', `audits/${RUN}/${name}`);
      expect(stored, name).toBeDefined();
      expect(stored!.body.equals(bytes), `${name} arrived intact`).toBe(true);
      expect(stored!.checksumSha256).toBe(sha256(bytes));
    }
    expect(fake().storedObject('evidence', `audits/${RUN}/results.json`)!.contentType).toBe('application/json');
    expect(uploaded.map((u) => u.key).at(-1)).toBe(`audits/${RUN}/SHA256SUMS`);
    expect(uploaded.every((u) => /^[0-9a-f]{32}$/.test(u.versionId ?? ''))).toBe(true);
  });

  it('downloads an uploaded run byte for byte, over more than one page of keys', async () => {
    const { dir, files } = runDir();
    for (let i = 0; i < 1_001; i += 1) {
      const name = `datasets/${String(100_000_000_000 + i)}.jsonl`;
      files[name] = Buffer.from(`{"account":${i}}\n`);
      writeFileSync(join(dir, name), files[name]!);
    }
    files['manifest.json'] = Buffer.from('{"schemaVersion":1}\n');
    writeFileSync(join(dir, 'manifest.json'), files['manifest.json']!);
    const client = new S3Client({ region: 'us-east-1' });
    await uploadRun(client, dir, parseS3Uri('s3://evidence/round-trip'));
    const root = mkdtempSync(join(tmpdir(), 'pa-wire-down-'));
    const before = fake().stats().byAction['s3:ListBucket'] ?? 0;
    expect(await downloadRuns(client, parseS3Uri(`s3://evidence/round-trip/${RUN}`), root)).toEqual([join(root, RUN)]);
    client.destroy();
    expect(fake().stats().byAction['s3:ListBucket']! - before).toBe(2);
    for (const [name, bytes] of Object.entries(files)) expect(readFileSync(join(root, RUN, name)).equals(bytes), name).toBe(true);
  });

  it('names the bucket S3 refused, and sends no SHA256SUMS after a failure', async () => {
    const { dir } = runDir();
    const client = new S3Client({ region: 'us-east-1' });
    await expect(uploadRun(client, dir, parseS3Uri('s3://no-such-evidence/x'))).rejects.toThrow(
      /^cannot upload s3:\/\/no-such-evidence\/x\/2026-12-03T020000Z\/\S+: NoSuchBucket: /,
    );
    client.destroy();
    expect(fake().storedObject('no-such-evidence', `x/${RUN}/SHA256SUMS`)).toBeUndefined();
  });

  it('the fake refuses a body that does not match its SHA-256 (BadDigest), as S3 does', async () => {
    const { dir, files } = runDir();
    const client = new S3Client({ region: 'us-east-1', maxAttempts: 1 });
    const body = readFileSync(join(dir, 'results.json'));
    await expect(
      client.send(new PutObjectCommand({ Bucket: 'evidence', Key: 'tampered', Body: body, ChecksumSHA256: sha256(files['a-findings.xlsx']!) })),
    ).rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    client.destroy();
    expect(fake().storedObject('evidence', 'tampered')).toBeUndefined();
  });
});
