import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { getChecklist } from '../../src/catalog/index.js';
import { register as registerReport, report } from '../../src/cli/commands/report.js';
import { register as registerVerify } from '../../src/cli/commands/verify.js';
import { EXIT, SnapshotError, UsageError } from '../../src/errors.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

let run: string;
let stdout: string[];
let stderr: string[];

/** A run directory as scan leaves it: manifest, a dataset file and results for the real checklist. */
function writeRun(dir: string): void {
  const input = syntheticRun({ accounts: 2, regions: 2 });
  const checklist = getChecklist('smb-competency');
  const results = { ...input.results, checklist: { id: checklist.id, version: checklist.version } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...input.manifest, checklist: results.checklist }));
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
}

function program(): Command {
  const p = new Command().exitOverride();
  registerReport(p, { checks: ALL_CHECKS });
  registerVerify(p);
  return p;
}

beforeEach(() => {
  run = mkdtempSync(join(tmpdir(), 'pa-cli-'));
  writeRun(run);
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
  it('re-renders every format into the run directory and seals it', async () => {
    const code = await report(run, { format: 'all' }, { checks: ALL_CHECKS });
    for (const file of ['report.html', 'summary.md', 'self-assessment.csv', 'self-assessment.xlsx', 'findings.ocsf.json', 'findings.asff.json', 'junit.xml', 'SHA256SUMS']) {
      expect(existsSync(join(run, file)), file).toBe(true);
    }
    expect(code).toBe(EXIT.requirementFailed);
    expect(stderr.join('')).toMatch(/wrote junit\.xml/);
  });

  it('writes a single format to stdout with --out -', async () => {
    await report(run, { format: 'junit', out: '-' }, { checks: ALL_CHECKS });
    expect(stdout.join('')).toMatch(/^<\?xml/);
    expect(existsSync(join(run, 'junit.xml'))).toBe(false);
    await expect(report(run, { format: 'all', out: '-' }, { checks: ALL_CHECKS })).rejects.toThrow(UsageError);
    await expect(report(run, { format: 'json', out: 'elsewhere' }, { checks: ALL_CHECKS })).rejects.toThrow(UsageError);
  });

  it('signs after rendering when given a key', async () => {
    const keys = mkdtempSync(join(tmpdir(), 'pa-cli-keys-'));
    const keyPath = join(keys, 'ed.pem');
    writeFileSync(keyPath, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await program().parseAsync(['node', 'pa', 'report', run, '--format', 'json,csv', '--sign-key', keyPath]);
    rmSync(keys, { recursive: true, force: true });
    expect(JSON.parse(readFileSync(join(run, 'SIGNATURE.json'), 'utf8')).algorithm).toBe('Ed25519');
    await program().parseAsync(['node', 'pa', 'verify', run]);
    expect(process.exitCode).toBe(EXIT.ok);
    expect(stdout.join('')).toMatch(/signature: valid, Ed25519/);
  });

  it('refuses a directory without results', async () => {
    rmSync(join(run, 'results.json'));
    await expect(report(run, { format: 'all' }, { checks: ALL_CHECKS })).rejects.toThrow(SnapshotError);
  });
});

describe('partner-audit verify', () => {
  it('exits 0 when intact and 1 with the differences listed', async () => {
    await report(run, { format: 'json' }, { checks: ALL_CHECKS });
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
    await report(run, { format: 'json' }, { checks: ALL_CHECKS });
    await program().parseAsync(['node', 'pa', 'verify', run, '--json']);
    expect(JSON.parse(stdout.join(''))).toEqual({ ok: true, checked: 2, added: [], removed: [], changed: [] });
  });
});
