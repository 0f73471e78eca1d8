// One scan serving both checklists, through the built CLI: `--checklist smb-competency,ftr-partner-hosted`
// collects the union of their datasets once, writes the first checklist's results at the top of the
// run and the other's under checklists/<id>/, and every later command (verify, report, scan
// --snapshot, --baseline, merge) finds each.

import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../src/contract/record.js';
import type { Results } from '../../src/contract/results.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { awsEnv, cli as runCli, fakeAws, workDir, type CliResult } from '../adversarial/harness.js';
import type { FakeAws } from '../fake-aws/index.js';

const BOTH = 'smb-competency,ftr-partner-hosted';
const FTR_DIR = join('checklists', 'ftr-partner-hosted');
/** Tests that start several CLI processes one after another, on a machine that may be busy. */
const SEVERAL_RUNS = 240_000;

let work: string;
let fake: FakeAws;

beforeAll(async () => {
  work = workDir('checklists');
  fake = await fakeAws();
});

afterAll(async () => {
  await fake?.stop();
});

/** The built CLI, as a user pointing it at the loopback AWS serving the demo organization. */
function cli(args: string[]): Promise<CliResult> {
  return runCli(args, awsEnv(fake.endpoint));
}

async function json<T>(...path: string[]): Promise<T> {
  return JSON.parse(await readFile(join(...path), 'utf8')) as T;
}

/** Requirement rows as comparable strings, order aside. */
function rows(results: Results): string[] {
  return results.requirements.map((r) => `${r.requirementId} ${r.accountId ?? 'partner'} ${r.status}`).sort();
}

async function datasetIds(runDir: string, accountId: string): Promise<Set<string>> {
  const text = await readFile(join(runDir, 'datasets', `${accountId}.jsonl`), 'utf8');
  return new Set(text.trim().split('\n').map((line) => (JSON.parse(line) as DatasetRecord).collector));
}

describe('scan --snapshot with two checklists', () => {
  let both: string;
  let outcome: CliResult;

  beforeAll(async () => {
    both = join(work, 'both');
    outcome = await cli(['scan', '--snapshot', 'demo/snapshot', '--checklist', BOTH, '--format', 'html,markdown,json', '--out', both]);
  }, SEVERAL_RUNS);

  it('writes the first checklist at the top and the second under checklists/<id>/, each with its reports', async () => {
    expect(outcome.code, outcome.stderr).toBe(3);
    expect((await json<Results>(both, 'results.json')).checklist.id).toBe('smb-competency');
    expect((await json<Results>(both, FTR_DIR, 'results.json')).checklist.id).toBe('ftr-partner-hosted');
    for (const dir of [both, join(both, FTR_DIR)]) {
      expect(existsSync(join(dir, 'report.html'))).toBe(true);
      expect(existsSync(join(dir, 'summary.md'))).toBe(true);
    }
    // Each report links the other, relative to where it lies.
    expect(await readFile(join(both, 'report.html'), 'utf8')).toContain('also judged: <a href="checklists/ftr-partner-hosted/report.html">');
    expect(await readFile(join(both, FTR_DIR, 'summary.md'), 'utf8')).toContain('The same scan also judged [smb-competency](../../summary.md).');
  });

  it('prints a summary and a report path for each checklist, the scan totals once', () => {
    expect(outcome.stdout).toMatch(/^smb-competency 2025-08/m);
    expect(outcome.stdout).toMatch(/^ftr-partner-hosted 2026-02/m);
    expect(outcome.stdout).toContain(`Report: ${join(both, 'report.html')}`);
    expect(outcome.stdout).toContain(`Report: ${join(both, FTR_DIR, 'report.html')}`);
    expect(outcome.stdout.match(/API calls during the scan/g)).toHaveLength(1);
  });

  it('judges each checklist exactly as a scan of that checklist alone', async () => {
    for (const [checklist, dir] of [['smb-competency', both], ['ftr-partner-hosted', join(both, FTR_DIR)]] as const) {
      const alone = join(work, `alone-${checklist}`);
      const single = await cli(['scan', '--snapshot', 'demo/snapshot', '--checklist', checklist, '--format', 'json', '--out', alone, '--quiet']);
      expect(single.code, single.stderr).toBe(3);
      expect(rows(await json<Results>(dir, 'results.json'))).toEqual(rows(await json<Results>(alone, 'results.json')));
    }
  }, SEVERAL_RUNS);

  it('seals both checklists: verify covers the second one, and an edit to it is caught', async () => {
    const verified = await cli(['verify', both]);
    expect(verified.code, verified.stderr).toBe(0);
    const sums = await readFile(join(both, 'SHA256SUMS'), 'utf8');
    expect(sums).toContain('checklists/ftr-partner-hosted/results.json');
    const edited = join(work, 'edited');
    await cp(both, edited, { recursive: true });
    const ftr = join(edited, FTR_DIR, 'results.json');
    await writeFile(ftr, (await readFile(ftr, 'utf8')).replaceAll('"FAIL"', '"PASS"'));
    const caught = await cli(['verify', edited]);
    expect(caught.code).toBe(1);
    expect(caught.stdout + caught.stderr).toContain('checklists/ftr-partner-hosted/results.json');
  }, SEVERAL_RUNS);

  it('re-renders either checklist with report --checklist', async () => {
    const ftr = await cli(['report', both, '--checklist', 'ftr-partner-hosted', '--format', 'json', '--out', '-']);
    expect(ftr.code, ftr.stderr).toBe(3);
    expect((JSON.parse(ftr.stdout) as Results).checklist.id).toBe('ftr-partner-hosted');
    const primary = await cli(['report', both, '--format', 'json', '--out', '-']);
    expect((JSON.parse(primary.stdout) as Results).checklist.id).toBe('smb-competency');
  }, SEVERAL_RUNS);

  it('judges its snapshot again for either checklist, compared with its own results as baseline', async () => {
    const again = join(work, 'again-ftr');
    const out = await cli(['scan', '--snapshot', both, '--checklist', 'ftr-partner-hosted', '--baseline', both, '--out', again, '--quiet']);
    expect(out.code, out.stderr).toBe(3);
    expect((await json<Results>(again, 'results.json')).checklist.id).toBe('ftr-partner-hosted');
    const diff = await json<{ checklist: { id: string } }>(again, 'diff.json');
    expect(diff.checklist.id).toBe('ftr-partner-hosted');
    const compared = await cli(['diff', both, again, '--checklist', 'ftr-partner-hosted', '--format', 'json']);
    expect(compared.code, compared.stderr).toBe(0);
    expect((JSON.parse(compared.stdout) as { requirements: { regressions: unknown[] } }).requirements.regressions).toEqual([]);
  }, SEVERAL_RUNS);

  it('refuses a checklist named twice, an unknown one, and a report of a checklist the run did not judge', async () => {
    const twice = await cli(['scan', '--snapshot', 'demo/snapshot', '--checklist', 'smb-competency,smb-competency', '--out', join(work, 'twice')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr.trim()).toBe('partner-audit: checklist "smb-competency" is named twice');
    const unknown = await cli(['scan', '--snapshot', 'demo/snapshot', '--checklist', 'smb-competency,ftr', '--out', join(work, 'unknown')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown checklist "ftr"/);
    const notJudged = await cli(['report', join(work, 'alone-smb-competency'), '--checklist', 'ftr-partner-hosted', '--format', 'json', '--out', '-']);
    expect(notJudged.code).not.toBe(0);
    expect(notJudged.stderr).toMatch(/has no results for checklist ftr-partner-hosted/);
  }, SEVERAL_RUNS);
});

describe('scan against AWS with two checklists', () => {
  it('collects only what the chosen checklists need: an SMB scan leaves out FTR-only evidence', async () => {
    const smb = join(work, 'live-smb');
    const out = await cli(['scan', '--accounts', '401234567890', '--regions', 'us-east-1', '--out', smb, '--quiet', '--exit-zero']);
    expect(out.code, out.stderr).toBe(0);
    const ids = await datasetIds(smb, '401234567890');
    expect(ids.has('iam.passwordPolicy')).toBe(false);
    expect(ids.has('support.plan')).toBe(true);
    const manifest = await json<Manifest>(smb, 'manifest.json');
    expect(manifest.checklists).toBeUndefined();
  });

  it('collects the union once, and shards of it merge into both checklists', async () => {
    const shards = [join(work, 'shard-1'), join(work, 'shard-2')];
    for (const [i, shard] of shards.entries()) {
      const out = await cli(['scan', '--org', '--checklist', BOTH, '--regions', 'us-east-1', '--shard', `${i + 1}/2`, '--out', shard, '--quiet', '--exit-zero']);
      expect(out.code, out.stderr).toBe(0);
      expect((await json<Manifest>(shard, 'manifest.json')).checklists?.map((c) => c.id)).toEqual(BOTH.split(','));
    }
    const merged = join(work, 'merged');
    const out = await cli(['merge', merged, ...shards]);
    expect(out.code, out.stderr).toBe(0);
    expect((await cli(['verify', merged])).code).toBe(0);
    const ftr = await json<Results>(merged, FTR_DIR, 'results.json');
    expect(ftr.checklist.id).toBe('ftr-partner-hosted');
    expect(ftr.accounts.map((a) => a.accountId).sort()).toEqual(['401234567890', '402345678901', '403456789012', '404567890123']);
    expect((await datasetIds(merged, '401234567890')).has('iam.passwordPolicy')).toBe(true);
  }, SEVERAL_RUNS);

  it('refuses to resume a run with other checklists than it collected for', async () => {
    const dir = join(work, 'interrupted');
    await cp(join(work, 'shard-1'), dir, { recursive: true });
    const manifest = await json<Manifest>(dir, 'manifest.json');
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, complete: false }));
    await rm(join(dir, 'SHA256SUMS'));
    const out = await cli(['scan', '--resume', dir, '--org', '--regions', 'us-east-1', '--checklist', 'smb-competency']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/collects evidence for smb-competency, ftr-partner-hosted, not smb-competency: resume with the same --checklist/);
  }, SEVERAL_RUNS);
});
