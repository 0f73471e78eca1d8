import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChecksums, writeChecksums } from '../../src/bundle/checksums.js';
import { verifyRun } from '../../src/bundle/verify.js';
import { SnapshotError } from '../../src/errors.js';

function hasSha256sum(): boolean {
  try {
    execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let run: string;

beforeEach(() => {
  run = mkdtempSync(join(tmpdir(), 'pa-bundle-'));
  mkdirSync(join(run, 'datasets'));
  writeFileSync(join(run, 'manifest.json'), '{"schemaVersion":1}\n');
  writeFileSync(join(run, 'results.json'), '{"findings":[]}\n');
  writeFileSync(join(run, 'datasets', '111111111111.jsonl'), '{"a":1}\n{"b":2}\n');
  writeFileSync(join(run, 'report.html'), '<html></html>');
  writeFileSync(join(run, 'SIGNATURE.json'), '{}');
});

afterEach(() => rmSync(run, { recursive: true, force: true }));

describe('writeChecksums', () => {
  it('writes coreutils lines, sorted, over every file but SHA256SUMS and SIGNATURE.json', async () => {
    await writeChecksums(run);
    const lines = readFileSync(join(run, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const paths = lines.map((l) => l.slice(66));
    expect(paths).toEqual(['datasets/111111111111.jsonl', 'manifest.json', 'report.html', 'results.json']);
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64} {2}\S/);
    const manifestHash = createHash('sha256').update('{"schemaVersion":1}\n').digest('hex');
    expect(lines[1]).toBe(`${manifestHash}  manifest.json`);
  });

  it('hashes a file of several read chunks whole', async () => {
    // Read 64 KiB at a time into one reused buffer: every chunk must reach the hash before the next read.
    const content = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `{"line":${i}}\n`).join(''));
    expect(content.length).toBeGreaterThan(3 * 64 * 1024);
    writeFileSync(join(run, 'results.json'), content);
    const hashes = await writeChecksums(run);
    expect(hashes.get('results.json')).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it.runIf(hasSha256sum())('is verified by `sha256sum -c` with no tooling of ours', async () => {
    await writeChecksums(run);
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: run, encoding: 'utf8' });
    expect(out).toContain('datasets/111111111111.jsonl: OK');
    expect(out).toContain('report.html: OK');
    const expected = execFileSync('sha256sum', ['manifest.json'], { cwd: run, encoding: 'utf8' }).trim();
    expect(readFileSync(join(run, 'SHA256SUMS'), 'utf8')).toContain(`${expected}\n`);
  });
});

describe('verifyRun', () => {
  it('reports an intact run as ok', async () => {
    await writeChecksums(run);
    rmSync(join(run, 'SIGNATURE.json'));
    expect(await verifyRun(run)).toEqual({ ok: true, checked: 4, added: [], removed: [], changed: [] });
  });

  it('lists files added, removed and changed', async () => {
    await writeChecksums(run);
    rmSync(join(run, 'SIGNATURE.json'));
    appendFileSync(join(run, 'results.json'), ' ');
    rmSync(join(run, 'report.html'));
    writeFileSync(join(run, 'datasets', '222222222222.jsonl'), '{}\n');
    const report = await verifyRun(run);
    expect(report).toMatchObject({
      ok: false,
      added: ['datasets/222222222222.jsonl'],
      removed: ['report.html'],
      changed: ['results.json'],
    });
  });

  it('refuses to list a file whose name is not of the run grammar', async () => {
    writeFileSync(join(run, 'notes with space.txt'), 'x');
    await expect(writeChecksums(run)).rejects.toThrow(/cannot list "notes with space.txt" in SHA256SUMS/);
  });

  it.each([
    ['../outside', /line 2: "..\/outside" is not a path inside the run/],
    ['/etc/passwd', /line 2: "\/etc\/passwd" is not a path inside the run/],
    ['manifest.json', /line 2: manifest.json is listed twice/],
  ])('refuses a SHA256SUMS naming %s', async (name, message) => {
    const hash = 'a'.repeat(64);
    writeFileSync(join(run, 'SHA256SUMS'), `${hash}  manifest.json\n${hash}  ${name}\n`);
    await expect(readChecksums(run)).rejects.toThrow(message);
    await expect(verifyRun(run)).rejects.toThrow(SnapshotError);
  });

  it('refuses a directory without SHA256SUMS, and a malformed one', async () => {
    await expect(verifyRun(run)).rejects.toThrow(SnapshotError);
    writeFileSync(join(run, 'SHA256SUMS'), 'not a checksum line\n');
    await expect(readChecksums(run)).rejects.toThrow(/line 1/);
    await expect(verifyRun(join(run, 'missing'))).rejects.toThrow(SnapshotError);
  });
});
