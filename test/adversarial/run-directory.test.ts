// The run directory: a live scan writes only into a new, empty, or (with --force) earlier run
// directory; special file systems and files are refused; one command at a time holds it, a second is
// refused with the holder's PID and start time, and a stale lock needs --force.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAws } from '../fake-aws/index.js';
import { awsEnv, cli, copyRun, demoRun, DEMO_SNAPSHOT, fakeAws, oneLine, startCli, waitFor, workDir } from './harness.js';

const LOCK = '.partner-audit.lock';
let root: string;
let fake: FakeAws;

beforeAll(async () => {
  root = workDir('rundir');
  fake = await fakeAws();
});

afterAll(async () => {
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Starts a scan against an AWS that answers its first calls (the manifest gets written), then freezes: the scan keeps running. */
async function runningScan(dir: string): Promise<{ scan: ReturnType<typeof startCli>; frozen: FakeAws }> {
  const frozen = await fakeAws({ freezeAfter: 25 });
  const scan = startCli(['scan', '--org', '--out', dir, '--quiet', '--format', 'markdown'], awsEnv(frozen.endpoint));
  await waitFor(join(dir, 'manifest.json'));
  return { scan, frozen };
}

describe('--out of a live scan', () => {
  it('refuses a non-empty directory that holds no run, before any AWS call, leaving the stranger\'s files alone', async () => {
    const dir = join(root, 'foreign');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'not yours');
    fake.resetStats();
    const out = await cli(['scan', '--org', '--out', dir, '--quiet'], awsEnv(fake.endpoint));
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe(`partner-audit: --out ${dir} is not empty and holds no partner-audit run; choose a new or empty directory`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(fake.stats().requests).toBe(0);
  });

  it('refuses an earlier run without --force, and replaces it with --force', async () => {
    const earlier = await demoRun(root, 'earlier');
    const refused = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', earlier, '--quiet']);
    expect(refused.code).toBe(2);
    expect(oneLine(refused)).toBe(`partner-audit: --out ${earlier} already holds a run; pass --force to replace it, or choose a new directory`);
    writeFileSync(join(earlier, 'leftover.txt'), 'from the earlier run');
    const replaced = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', earlier, '--quiet', '--force', '--format', 'markdown']);
    expect(replaced.code).toBe(3);
    expect(readdirSync(earlier).sort()).toEqual(['SHA256SUMS', 'datasets', 'manifest.json', 'results.json', 'summary.md']);
    expect((await cli(['verify', earlier])).code).toBe(0);
  });

  it('never empties the snapshot it was asked to read, even with --force', async () => {
    const snapshot = await demoRun(root, 'snapshot-itself');
    const before = readdirSync(snapshot).sort();
    const out = await cli(['scan', '--snapshot', snapshot, '--out', `${snapshot}/`, '--force', '--quiet']);
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe('partner-audit: --out must differ from --snapshot: the snapshot is evidence and is never modified');
    expect(readdirSync(snapshot).sort()).toEqual(before);
    expect((await cli(['verify', snapshot])).code).toBe(0);
  });

  it.each([
    ['/proc/self/partner-audit', '--out /proc/self/partner-audit is on /proc, a special file system, not a disk: choose another directory'],
    ['/sys/kernel/partner-audit', '--out /sys/kernel/partner-audit is on /sys, a special file system, not a disk: choose another directory'],
  ])('refuses %s at once', async (dir, message) => {
    const out = await cli(['scan', '--org', '--out', dir, '--quiet'], awsEnv(fake.endpoint));
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe(`partner-audit: ${message}`);
    expect(out.ms).toBeLessThan(15_000);
  });

  it('refuses a file, and a path through a file, with one line instead of ENOTDIR', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const asDir = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', file, '--quiet']);
    expect(oneLine(asDir)).toBe(`partner-audit: --out ${file} is a file, not a directory`);
    const through = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(file, 'run'), '--quiet']);
    expect(through.code).toBe(2);
    expect(oneLine(through)).toBe(`partner-audit: --out ${join(file, 'run')} cannot be used: a part of its path is a file, not a directory (ENOTDIR)`);
  });
});

describe('one command per run directory', () => {
  it('refuses a second scan, a resume and a report while a scan writes, naming its PID and start time', async () => {
    const dir = join(root, 'busy');
    const { scan: first, frozen } = await runningScan(dir);
    const holder = JSON.parse(readFileSync(join(dir, LOCK), 'utf8')) as { pid: number; startedAt: string };
    expect(holder.pid).toBe(first.child.pid);
    const inUse = `partner-audit: ${dir} is in use by PID ${holder.pid} (scan, started ${holder.startedAt}); wait for it to finish`;
    const [second, resume, report] = await Promise.all([
      cli(['scan', '--org', '--out', dir, '--quiet', '--force'], awsEnv(fake.endpoint)),
      cli(['scan', '--org', '--resume', dir, '--quiet', '--force'], awsEnv(fake.endpoint)),
      cli(['report', dir, '--force']),
    ]);
    for (const refused of [second, resume, report]) {
      expect(refused.code).toBe(1);
      expect(oneLine(refused)).toBe(inUse);
    }
    expect(first.child.exitCode).toBe(null);
    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(130);
    expect(existsSync(join(dir, LOCK))).toBe(false);
    await frozen.stop();
  });

  it('reports a stale lock (its process is gone) and takes it over only with --force', async () => {
    const run = copyRun(await demoRun(root, 'stale-source'), root, 'stale');
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(join(run, LOCK), JSON.stringify({ pid: gone, host: hostname(), startedAt: '2026-11-20T03:17:00.000Z', command: 'scan' }));
    const refused = await cli(['report', run, '--format', 'markdown']);
    expect(refused.code).toBe(1);
    expect(oneLine(refused)).toBe(
      `partner-audit: ${run} has a stale lock: PID ${gone} (scan, started 2026-11-20T03:17:00.000Z) is no longer running; pass --force to take it over`,
    );
    const forced = await cli(['report', run, '--format', 'markdown', '--force']);
    expect(forced.code, forced.stderr).toBe(3);
    expect(existsSync(join(run, LOCK))).toBe(false);
  });

  it('a scan stopped with Ctrl-C leaves no lock behind, and --resume finishes it', async () => {
    const dir = join(root, 'interrupted');
    const { scan, frozen } = await runningScan(dir);
    scan.child.kill('SIGINT');
    expect((await scan.done).code).toBe(130);
    await frozen.stop();
    expect(existsSync(join(dir, LOCK))).toBe(false);
    const resumed = await cli(['scan', '--org', '--resume', dir, '--quiet'], awsEnv(fake.endpoint));
    expect(resumed.code, resumed.stderr).toBe(3);
  });
});
