import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseS3Uri, uploadRun } from '../../src/storage/upload.js';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

function runDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'pa-up-')), '2026-11-20T020000Z');
  mkdirSync(join(dir, 'datasets'), { recursive: true });
  writeFileSync(join(dir, 'SHA256SUMS'), 'abc  manifest.json\n');
  writeFileSync(join(dir, 'manifest.json'), '{}');
  writeFileSync(join(dir, 'results.json'), '{"schemaVersion":1}');
  writeFileSync(join(dir, 'report.html'), '<html></html>');
  writeFileSync(join(dir, 'datasets', '111111111111.jsonl'), '{}\n');
  return dir;
}

describe('parseS3Uri', () => {
  it.each([
    ['s3://evidence-bucket', { bucket: 'evidence-bucket', prefix: '' }],
    ['s3://evidence-bucket/', { bucket: 'evidence-bucket', prefix: '' }],
    ['s3://evidence-bucket/partner-audit/prod/', { bucket: 'evidence-bucket', prefix: 'partner-audit/prod' }],
  ])('%s', (uri, expected) => expect(parseS3Uri(uri)).toEqual(expected));

  it.each(['evidence-bucket/x', 'https://evidence-bucket.s3.amazonaws.com/x', 's3://', 's3://Upper_Case/x'])('refuses %s', (uri) => {
    expect(() => parseS3Uri(uri)).toThrow(UsageError);
  });
});

describe('uploadRun', () => {
  it('puts every run file under prefix/run-name, as a file-backed body with its length and SHA-256, SHA256SUMS last', async () => {
    s3.on(PutObjectCommand).callsFake((input: { Key: string }) => ({ VersionId: `v-${input.Key.split('/').pop()}` }));
    const uploaded = await uploadRun(new S3Client({ region: 'eu-west-1' }), runDir(), parseS3Uri('s3://evidence/audits'));
    const calls = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Key).sort()).toEqual([
      'audits/2026-11-20T020000Z/SHA256SUMS',
      'audits/2026-11-20T020000Z/datasets/111111111111.jsonl',
      'audits/2026-11-20T020000Z/manifest.json',
      'audits/2026-11-20T020000Z/report.html',
      'audits/2026-11-20T020000Z/results.json',
    ]);
    expect(calls.at(-1)!.Key).toBe('audits/2026-11-20T020000Z/SHA256SUMS');
    for (const call of calls) {
      expect(call.Bucket).toBe('evidence');
      expect(call.ChecksumAlgorithm).toBe('SHA256');
    }
    expect(calls.find((c) => c.Key!.endsWith('report.html'))!.ContentType).toBe('text/html; charset=utf-8');
    expect(calls.find((c) => c.Key!.endsWith('.jsonl'))!.ContentType).toBe('application/x-ndjson');
    const results = calls.find((c) => c.Key!.endsWith('results.json'))!;
    expect(await (results.Body as Blob).text()).toBe('{"schemaVersion":1}');
    expect(results.ContentLength).toBe(19);
    expect(results.ChecksumSHA256).toBe(createHash('sha256').update('{"schemaVersion":1}').digest('base64'));
    expect(uploaded).toContainEqual({ key: 'audits/2026-11-20T020000Z/results.json', versionId: 'v-results.json' });
  });

  it('sends nothing but PutObject, and surfaces a refused upload', async () => {
    s3.on(PutObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    await expect(uploadRun(new S3Client({ region: 'eu-west-1' }), runDir(), parseS3Uri('s3://evidence'))).rejects.toThrow(
      /^cannot upload s3:\/\/evidence\/2026-11-20T020000Z\/\S+: AccessDenied: Access Denied$/,
    );
    expect(s3.calls().every((c) => c.args[0] instanceof PutObjectCommand)).toBe(true);
    // SHA256SUMS marks a complete upload: it is never sent after a failure.
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).not.toContain('2026-11-20T020000Z/SHA256SUMS');
  });
});
