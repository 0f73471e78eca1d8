import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/snapshot/layout.js';
import { acquireRunLock, assertUnlocked, LockError } from '../../src/snapshot/lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pa-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockPath = () => join(dir, LOCK_FILE);
const plant = (holder: object | string) => writeFileSync(lockPath(), typeof holder === 'string' ? holder : JSON.stringify(holder));
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('run directory lock', () => {
  it('is created exclusively with the holder, refused to a second taker, and removed on release', async () => {
    const lock = await acquireRunLock(dir, { command: 'scan' });
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), command: 'scan' });
    // This very process holding it is indistinguishable from a stale lock of a reused PID: never taken without --force.
    await expect(acquireRunLock(dir, { command: 'report' })).rejects.toThrow(LockError);
    await lock.release();
    await lock.release();
    expect(existsSync(lockPath())).toBe(false);
  });

  it('refuses a running holder even with force, naming its PID and start time', async () => {
    const parent = process.ppid;
    plant({ pid: parent, host: hostname(), startedAt: '2026-11-20T03:17:00.000Z', command: 'scan' });
    await expect(acquireRunLock(dir, { command: 'scan', force: true })).rejects.toThrow(
      `${dir} is in use by PID ${parent} (scan, started 2026-11-20T03:17:00.000Z); wait for it to finish`,
    );
    await expect(assertUnlocked(dir, true)).rejects.toThrow(LockError);
  });

  it('takes over a stale lock only with force', async () => {
    const pid = deadPid();
    plant({ pid, host: hostname(), startedAt: '2026-11-20T03:17:00.000Z', command: 'scan' });
    await expect(acquireRunLock(dir, { command: 'scan' })).rejects.toThrow(/has a stale lock: PID \d+ \(scan, started .*\) is no longer running; pass --force/);
    const lock = await acquireRunLock(dir, { command: 'scan', force: true });
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('cannot judge a lock taken on another host, nor an unreadable one: --force decides', async () => {
    plant({ pid: 1, host: 'elsewhere', startedAt: '2026-11-20T03:17:00.000Z', command: 'scan' });
    await expect(acquireRunLock(dir, { command: 'scan' })).rejects.toThrow(/locked by PID 1 on host elsewhere .*this host cannot tell whether it still runs: if it does not, pass --force/);
    plant('{"pid":');
    await expect(assertUnlocked(dir)).rejects.toThrow(/cannot be read; if no partner-audit command is using .*, pass --force/);
    await (await acquireRunLock(dir, { command: 'scan', force: true })).release();
  });
});
