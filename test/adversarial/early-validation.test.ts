// Whatever can be checked offline is checked before the first AWS call: a scan with a bad --upload,
// a bad signing key, an unusable output directory or a missing baseline never reaches AWS and
// writes nothing.

import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAws } from '../fake-aws/index.js';
import { awsEnv, cli, fakeAws, oneLine, workDir } from './harness.js';

let root: string;
let fake: FakeAws;

beforeAll(async () => {
  root = workDir('early');
  fake = await fakeAws();
  writeFileSync(join(root, 'not-a-key.pem'), 'not a key\n');
  writeFileSync(join(root, 'a-file'), 'x');
});

afterAll(async () => {
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('arguments checked before the first AWS call', () => {
  it.each([
    [['--upload', 'https://bucket.example.com/runs'], 'not an S3 location, expected s3://bucket[/prefix]: "https://bucket.example.com/runs"'],
    [['--upload', 's3://Bad_Bucket/runs'], 'not an S3 location, expected s3://bucket[/prefix]: "s3://Bad_Bucket/runs"'],
    [['--sign-key', 'no-such-key.pem'], /^cannot read the signing key no-such-key\.pem: ENOENT/],
    [['--sign-key', '<root>/not-a-key.pem'], /^cannot read the signing key .*not-a-key\.pem: /],
    [['--sign-key', '<root>/not-a-key.pem', '--sign-kms-key-id', 'alias/x'], 'use either --sign-key or --sign-kms-key-id, not both'],
    [['--baseline', '<root>/no-such-run'], /^no results\.json in .*no-such-run/],
    [['--out', '/proc/partner-audit'], '--out /proc/partner-audit is on /proc, a special file system, not a disk: choose another directory'],
    [['--out', '<root>/a-file/run'], /^--out .*a-file\/run cannot be used: a part of its path is a file, not a directory \(ENOTDIR\)$/],
    [['--shard', '3/2'], /shard/],
  ])('%j exits 2 with one line, no AWS call and no run directory', async (flags, message) => {
    const args = flags.map((f) => f.replace('<root>', root));
    const out = join(root, `out-${Math.random().toString(36).slice(2, 8)}`);
    fake.resetStats();
    const result = await cli(['scan', '--org', '--quiet', ...(args.includes('--out') ? [] : ['--out', out]), ...args], awsEnv(fake.endpoint));
    expect(result.code).toBe(2);
    const line = oneLine(result).replace(/^partner-audit: /, '');
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
    expect(fake.stats().requests).toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});
