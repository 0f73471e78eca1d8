import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { getChecklist } from '../../src/catalog/index.js';
import { register as registerReport, report } from '../../src/cli/commands/report.js';
import { register as registerVerify } from '../../src/cli/commands/verify.js';
import { writeChecksums } from '../../src/bundle/checksums.js';
import { EXIT, IntegrityError, SnapshotError, UsageError } from '../../src/errors.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

let run: string;
let stdout: string[];
let stderr: string[];

/** A run directory as scan leaves it: manifest and results for the real checklist, sealed. */
async function writeRun(dir: string): Promise<void> {
  const input = syntheticRun({ accounts: 2, regions: 2 });
  const checklist = getChecklist('smb-competency');
  const results = { ...input.results, checklist: { id: checklist.id, version: checklist.version } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...input.manifest, checklist: results.checklist }));
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
  await writeChecksums(dir);
}

/** The one re-render folder of the run. */
function renderFolder(): string {
  const [only, ...more] = readdirSync(join(run, 'rerenders'));
  expect(more).toEqual([]);
  return join(run, 'rerenders', only!);
}

function program(): Command {
  const p = new Command().exitOverride();
  registerReport(p, { checks: ALL_CHECKS });
  registerVerify(p);
  return p;
}

beforeEach(async () => {
  run = mkdtempSync(join(tmpdir(), 'pa-cli-'));
  await writeRun(run);
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(run, { recursive: true, force: true });
  process.exitCode = undefined;
});

describe('partner-audit report', () => {
  it('re-renders every format into a folder of its own, sealed apart, leaving the evidence untouched', async () => {
    const sums = readFileSync(join(run, 'SHA256SUMS'), 'utf8');
    const code = await report(run, { format: 'all' }, { checks: ALL_CHECKS });
    const folder = renderFolder();
    for (const file of ['report.html', 'summary.md', 'self-assessment.csv', 'self-assessment.xlsx', 'findings.ocsf.json', 'findings.asff.json', 'junit.xml', 'RENDER.json', 'SHA256SUMS']) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
    expect(readFileSync(join(run, 'SHA256SUMS'), 'utf8')).toBe(sums);
    expect(JSON.parse(readFileSync(join(folder, 'RENDER.json'), 'utf8'))).toMatchObject({ source: 'sealed', evidence: { differences: [] } });
    expect(readFileSync(join(folder, 'summary.md'), 'utf8')).toMatch(/Re-rendered on .* from the sealed evidence/);
    expect(code).toBe(EXIT.requirementFailed);
    expect(stderr.join('')).toMatch(/wrote rerenders\/[^/]+\/junit\.xml/);
    await program().parseAsync(['node', 'pa', 'verify', run]);
    expect(process.exitCode).toBe(EXIT.ok);
    expect(stdout.join('')).toMatch(/re-render rerenders\/\S+: OK, 9 files match its SHA256SUMS; rendered from the sealed evidence/);
  });

  it('writes a single format to stdout with --out -', async () => {
    await report(run, { format: 'junit', out: '-' }, { checks: ALL_CHECKS });
    expect(stdout.join('')).toMatch(/^<\?xml/);
    expect(existsSync(join(run, 'junit.xml'))).toBe(false);
    await expect(report(run, { format: 'all', out: '-' }, { checks: ALL_CHECKS })).rejects.toThrow(UsageError);
    await expect(report(run, { format: 'json', out: 'elsewhere' }, { checks: ALL_CHECKS })).rejects.toThrow(UsageError);
  });

  it('signs the re-render folder when given a key', async () => {
    const keys = mkdtempSync(join(tmpdir(), 'pa-cli-keys-'));
    const keyPath = join(keys, 'ed.pem');
    writeFileSync(keyPath, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await program().parseAsync(['node', 'pa', 'report', run, '--format', 'json,csv', '--sign-key', keyPath]);
    rmSync(keys, { recursive: true, force: true });
    const signature = JSON.parse(readFileSync(join(renderFolder(), 'SIGNATURE.json'), 'utf8'));
    expect(signature.algorithm).toBe('Ed25519');
    expect(Object.keys(signature.signedFiles)).toEqual(['RENDER.json', 'SHA256SUMS']);
    expect(existsSync(join(run, 'SIGNATURE.json'))).toBe(false);
    await program().parseAsync(['node', 'pa', 'verify', run]);
    expect(process.exitCode).toBe(EXIT.ok);
    expect(stdout.join('')).toMatch(/\n {2}signature: valid, Ed25519/);
  });

  it('refuses evidence that no longer matches SHA256SUMS, naming the files, unless --allow-modified', async () => {
    rmSync(join(run, 'results.json'));
    await expect(report(run, { format: 'all' }, { checks: ALL_CHECKS })).rejects.toThrow(IntegrityError);
    await expect(report(run, { format: 'all' }, { checks: ALL_CHECKS })).rejects.toThrow(/removed: results.json/);
    await expect(report(run, { format: 'all', allowModified: true }, { checks: ALL_CHECKS })).rejects.toThrow(SnapshotError);
    expect(existsSync(join(run, 'rerenders'))).toBe(false);
  });
});

describe('partner-audit verify', () => {
  it('exits 0 when intact and 1 with the differences listed', async () => {
    await program().parseAsync(['node', 'pa', 'verify', run]);
    expect(process.exitCode).toBe(EXIT.ok);
    expect(stdout.join('')).toMatch(/OK: 2 files match SHA256SUMS/);
    stdout.length = 0;
    appendFileSync(join(run, 'manifest.json'), ' ');
    writeFileSync(join(run, 'extra.txt'), 'x');
    await program().parseAsync(['node', 'pa', 'verify', run]);
    expect(process.exitCode).toBe(EXIT.runtime);
    expect(stdout.join('')).toBe('changed: manifest.json\nadded:   extra.txt\nFAILED: 2 difference(s) in 2 files\nsignature: none (the run is not signed)\n');
  });

  it('prints JSON with --json', async () => {
    await program().parseAsync(['node', 'pa', 'verify', run, '--json']);
    expect(JSON.parse(stdout.join(''))).toEqual({ ok: true, checked: 2, added: [], removed: [], changed: [] });
  });
});
