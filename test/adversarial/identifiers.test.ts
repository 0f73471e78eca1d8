// Every account ID, region, dataset ID and file name read back from a run is held to its grammar
// before it touches a path; nothing outside the run directory is ever read or written.

import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { ACCOUNTS, cli, copyRun, demoRun, editJson, oneLine, snapshotCopy, workDir } from './harness.js';

let root: string;
let sealed: string;

beforeAll(async () => {
  root = workDir('identifiers');
  sealed = await demoRun(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file where `datasets/../../../evil.jsonl` of a snapshot would land, to prove it is never read or truncated. */
function plantOutside(snapshot: string): string {
  const outside = join(snapshot, '..', '..', 'evil.jsonl');
  writeFileSync(outside, 'outside the run\n');
  return outside;
}

describe('a manifest account ID that climbs out of the run', () => {
  it('is refused by scan --snapshot, naming the field, before any file is read', async () => {
    const base = join(root, 'climb-snapshot');
    mkdirSync(base);
    const snapshot = snapshotCopy(base, 'nested');
    const outside = plantOutside(join(snapshot, 'datasets'));
    editJson<Manifest>(join(snapshot, 'manifest.json'), (m) => (m.accounts[0]!.accountId = '../../../evil'));
    const out = await cli(['scan', '--snapshot', snapshot, '--out', join(root, 'climb-out'), '--quiet']);
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe(`partner-audit: ${join(snapshot, 'manifest.json')}: accounts[0].accountId: "../../../evil" is not a 12-digit AWS account ID`);
    expect(readFileSync(outside, 'utf8')).toBe('outside the run\n');
  });

  it('is refused by --resume, and the file it names is not truncated', async () => {
    const base = join(root, 'climb-resume');
    mkdirSync(base);
    const run = copyRun(sealed, base, 'run');
    const outside = plantOutside(join(run, 'datasets'));
    editJson<Manifest>(join(run, 'manifest.json'), (m) => {
      m.complete = false;
      m.accounts[0]!.accountId = '../../../evil';
      m.accounts[0]!.status = 'PENDING';
    });
    const out = await cli(['scan', '--org', '--resume', run, '--quiet']);
    expect(out.code).toBe(2);
    expect(oneLine(out)).toMatch(/manifest.json: accounts\[0\].accountId: "..\/..\/..\/evil" is not a 12-digit AWS account ID$/);
    expect(readFileSync(outside, 'utf8')).toBe('outside the run\n');
  });
});

describe('regions and dataset IDs', () => {
  it.each([
    ['a region the SDK does not know', (m: Manifest) => (m.accounts[1]!.regions = ['eu-west-1', '../../tmp']), /accounts\[1\].regions\[1\]: "..\/..\/tmp" is not a region the AWS SDK knows$/],
    ['a caller account that is not 12 digits', (m: Manifest) => (m.callerIdentity!.accountId = '4012345678901'), /callerIdentity.accountId: "4012345678901" is not a 12-digit AWS account ID$/],
    ['the same account twice', (m: Manifest) => (m.accounts[1]!.accountId = m.accounts[0]!.accountId), /accounts\[1\].accountId: 401234567890 is listed twice$/],
  ])('a manifest with %s is refused', async (_name, edit, message) => {
    const snapshot = snapshotCopy(root, `manifest-${Math.random().toString(36).slice(2, 8)}`);
    editJson<Manifest>(join(snapshot, 'manifest.json'), edit);
    const out = await cli(['scan', '--snapshot', snapshot, '--out', join(snapshot, '..', `${snapshot.split('/').pop()}-out`), '--quiet']);
    expect(out.code).toBe(2);
    expect(oneLine(out)).toMatch(message);
  });

  it('a dataset record with an unknown dataset ID is refused, naming the file, line and field', async () => {
    const snapshot = snapshotCopy(root, 'unknown-dataset');
    const file = join(snapshot, 'datasets', `${ACCOUNTS[1]}.jsonl`);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/"collector":"[^"]+"/, '"collector":"../../etc/passwd"');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const out = await cli(['scan', '--snapshot', snapshot, '--out', join(root, 'unknown-dataset-out'), '--quiet']);
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe(`partner-audit: ${file}:3: collector: "../../etc/passwd" is not a dataset this version of partner-audit collects`);
  });
});

describe('file names from SHA256SUMS and links out of the run', () => {
  it('a SHA256SUMS line naming a path outside the run is refused, naming the line', async () => {
    const run = copyRun(sealed, root, 'sums-climb');
    writeFileSync(join(run, 'SHA256SUMS'), `${readFileSync(join(run, 'SHA256SUMS'), 'utf8')}${'0'.repeat(64)}  ../../etc/passwd\n`);
    const lines = readFileSync(join(run, 'SHA256SUMS'), 'utf8').trimEnd().split('\n').length;
    const out = await cli(['verify', run]);
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe(`partner-audit: SHA256SUMS line ${lines}: "../../etc/passwd" is not a path inside the run`);
  });

  it('a datasets file that is a link to a file outside the run is never read', async () => {
    const snapshot = snapshotCopy(root, 'linked');
    const file = join(snapshot, 'datasets', `${ACCOUNTS[2]}.jsonl`);
    const outside = join(root, 'linked-target.jsonl');
    writeFileSync(outside, readFileSync(file));
    rmSync(file);
    symlinkSync(outside, file);
    const out = await cli(['scan', '--snapshot', snapshot, '--out', join(root, 'linked-out'), '--quiet']);
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe(`partner-audit: ${file} leads outside ${snapshot} through a symbolic link: refused`);
  });
});
