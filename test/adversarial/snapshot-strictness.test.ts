// A snapshot is read strictly: a second record for one dataset is an error naming the line, a
// malformed record names its field, a missing datasets file makes its account PARTIAL, and
// --resume refuses other targets or regions than the run recorded unless --force.

import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/contract/results.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import type { FakeAws } from '../fake-aws/index.js';
import { ACCOUNTS, awsEnv, cli, editJson, fakeAws, oneLine, snapshotCopy, workDir } from './harness.js';

let root: string;

beforeAll(() => {
  root = workDir('strict');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function datasetsLines(snapshot: string, accountId: string): string[] {
  return readFileSync(join(snapshot, 'datasets', `${accountId}.jsonl`), 'utf8').trimEnd().split('\n');
}

function writeLines(snapshot: string, accountId: string, lines: string[]): string {
  const file = join(snapshot, 'datasets', `${accountId}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('dataset records', () => {
  it('a duplicate record for one dataset is an error naming both lines, not a silent win for either', async () => {
    const snapshot = snapshotCopy(root, 'duplicate');
    const lines = datasetsLines(snapshot, ACCOUNTS[1]!);
    const file = writeLines(snapshot, ACCOUNTS[1]!, [...lines, lines[1]!]);
    const { collector, region } = JSON.parse(lines[1]!) as { collector: string; region: string };
    const out = join(root, 'duplicate-out');
    const result = await cli(['scan', '--snapshot', snapshot, '--out', out, '--quiet']);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe(`partner-audit: ${file}:${lines.length + 1}: a second record for ${collector} in ${region} (the first is on line 2)`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a record without requestIds names the field instead of failing with "is not iterable"', async () => {
    const snapshot = snapshotCopy(root, 'no-request-ids');
    const lines = datasetsLines(snapshot, ACCOUNTS[0]!);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    delete record.requestIds;
    const file = writeLines(snapshot, ACCOUNTS[0]!, [JSON.stringify(record), ...lines.slice(1)]);
    const result = await cli(['scan', '--snapshot', snapshot, '--out', join(root, 'no-request-ids-out'), '--quiet']);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe(`partner-audit: ${file}:1: requestIds: expected array, received undefined`);
  });

  it('a missing datasets file makes its account PARTIAL with that reason, never SCANNED', async () => {
    const snapshot = snapshotCopy(root, 'missing-file');
    rmSync(join(snapshot, 'datasets', `${ACCOUNTS[2]}.jsonl`));
    const manifestBefore = readFileSync(join(snapshot, 'manifest.json'));
    const out = join(root, 'missing-file-out');
    const result = await cli(['scan', '--snapshot', snapshot, '--out', out, '--quiet']);
    expect(result.code).toBe(3);
    // Evaluation judges the account PARTIAL in its results; the snapshot's manifest stays as it was.
    expect(readFileSync(join(snapshot, 'manifest.json')).equals(manifestBefore)).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.accounts.find((a) => a.accountId === ACCOUNTS[2])).toMatchObject({
      status: 'PARTIAL',
      error: `its datasets file (datasets/${ACCOUNTS[2]}.jsonl) is missing, so none of its evidence can be judged`,
    });
    const findings = results.findings.filter((f) => f.accountId === ACCOUNTS[2]);
    expect(findings.length).toBeGreaterThan(0);
    // Only a verdict resting wholly on another account's evidence (the organization's central
    // Health route, which serves every member) can stand without the account's own file.
    const judged = findings.filter((f) => f.status !== 'ERROR');
    expect(judged.map((f) => [f.checkId, f.status])).toEqual([['health-risk-events-routed', 'PASS']]);
    expect(judged[0]!.message).toMatch(/central account 401234567890/);
    expect(results.accounts.filter((a) => a.accountId !== ACCOUNTS[2]).every((a) => a.status === 'SCANNED')).toBe(true);
  });
});

describe('--resume with other targets or regions', () => {
  let fake: FakeAws;
  let run: string;

  beforeAll(async () => {
    fake = await fakeAws();
    run = join(root, 'interrupted');
    const first = await cli(['scan', '--org', '--regions', 'eu-west-1,us-east-1', '--out', run, '--quiet', '--format', 'markdown'], awsEnv(fake.endpoint));
    expect(first.code, first.stderr).toBe(3);
    // As if the scan had stopped before the last account finished.
    editJson<Manifest>(join(run, 'manifest.json'), (m) => {
      m.complete = false;
      Object.assign(m.accounts[3]!, { status: 'PENDING', regions: [], skippedRegions: [] });
      delete m.accounts[3]!.finishedAt;
    });
    rmSync(join(run, 'SHA256SUMS'));
  });

  afterAll(async () => {
    await fake.stop();
  });

  it('records the targets and regions asked for in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(run, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.selection).toEqual({
      organization: { includeAccounts: [], excludeAccounts: [], includeTags: {}, excludeTags: {} },
      regions: ['eu-west-1', 'us-east-1'],
    });
  });

  it.each([
    [['--org', '--regions', 'us-east-1'], '--org --regions us-east-1'],
    [['--org'], '--org (every enabled region)'],
    [['--accounts', ACCOUNTS[3]!, '--regions', 'eu-west-1,us-east-1'], `--accounts ${ACCOUNTS[3]} --regions eu-west-1,us-east-1`],
  ])('refuses %j without --force, naming both selections, before any AWS call', async (flags, asked) => {
    fake.resetStats();
    const result = await cli(['scan', ...flags, '--resume', run, '--quiet'], awsEnv(fake.endpoint));
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe(
      `partner-audit: ${run} was started with --org --regions eu-west-1,us-east-1, not ${asked}: resume with the same targets and regions, ` +
        "or pass --force (the run's own accounts are finished, in the regions asked for now)",
    );
    expect(fake.stats().requests).toBe(0);
  });

  it('resumes with the same selection, and with --force uses the new regions for what is left', async () => {
    const forced = join(root, 'forced');
    cpSync(run, forced, { recursive: true });
    const same = await cli(['scan', '--org', '--regions', 'us-east-1,eu-west-1', '--resume', run, '--quiet'], awsEnv(fake.endpoint));
    expect(same.code, same.stderr).toBe(3);
    const withForce = await cli(['scan', '--org', '--regions', 'us-east-1', '--resume', forced, '--quiet', '--force'], awsEnv(fake.endpoint));
    expect(withForce.code, withForce.stderr).toBe(3);
    const manifest = JSON.parse(readFileSync(join(forced, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.accounts[3]).toMatchObject({ status: 'SCANNED', regions: ['us-east-1'] });
    expect(manifest.accounts[0]!.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(existsSync(join(forced, 'SHA256SUMS'))).toBe(true);
  });
});
