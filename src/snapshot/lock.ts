// One writer per run directory. A command that writes a run creates `.partner-audit.lock`
// exclusively (O_EXCL) before its first write and removes it when done, also on Ctrl-C. A second
// command on the same directory is refused, naming the holder; a lock whose process is gone (kill -9,
// a crash) is reported as stale and taken over only with --force.

import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RuntimeError } from '../errors.js';
import { LOCK_FILE } from './layout.js';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface RunLock {
  readonly path: string;
  /** Removes the lock (idempotent). */
  release(): Promise<void>;
}

/** The run directory is in use by another process, or holds a stale lock. Exit 1. */
export class LockError extends RuntimeError {
  override name = 'LockError';
}

export interface LockOptions {
  /** What holds the lock, e.g. `scan` or `report`, shown to whoever is refused. */
  command: string;
  /** Take over a stale lock (its process is gone). A live holder is never overridden. */
  force?: boolean;
}

/** Creates the lock in `dir` (which must exist), or throws LockError naming the holder. */
export async function acquireRunLock(dir: string, options: LockOptions): Promise<RunLock> {
  const path = join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command: options.command };
  if (!(await createExclusive(path, holder))) {
    await refuseUnlessStale(dir, options.force === true);
    await rm(path, { force: true });
    if (!(await createExclusive(path, holder))) throw new LockError(`${dir} was locked by another command at the same moment; try again`);
  }
  // Every way out removes the lock: process.exit (the snapshot writer's Ctrl-C handler) fires
  // 'exit'; a Ctrl-C before the writer listens would end the process without it, so it is heard here.
  const onExit = (): void => removeIfOurs(path);
  const onSignal = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return; // another handler (the writer) flushes, then exits
    removeIfOurs(path);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let released = false;
  return {
    path,
    release: async () => {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      removeIfOurs(path);
    },
  };
}

/** For readers that do not write (report to stdout): refuses a directory another process is writing. */
export async function assertUnlocked(dir: string, force = false): Promise<void> {
  if ((await readHolder(join(dir, LOCK_FILE))) !== 'absent') await refuseUnlessStale(dir, force);
}

async function createExclusive(path: string, holder: LockHolder): Promise<boolean> {
  let file;
  try {
    file = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new RuntimeError(`cannot create the lock ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    await file.writeFile(`${JSON.stringify(holder)}\n`);
  } finally {
    await file.close();
  }
  return true;
}

async function readHolder(path: string): Promise<LockHolder | 'absent' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const complete = Number.isInteger(value.pid) && [value.host, value.startedAt, value.command].every((v) => typeof v === 'string');
    if (complete) return value as LockHolder;
  } catch {
    // fall through: a lock being written, or garbage
  }
  return 'unreadable';
}

/** Returns when the lock is gone, or stale and `force` allows taking it over; throws otherwise. */
async function refuseUnlessStale(dir: string, force: boolean): Promise<void> {
  const path = join(dir, LOCK_FILE);
  const holder = await readHolder(path);
  if (holder === 'absent') return;
  if (holder === 'unreadable') {
    if (force) return;
    throw new LockError(`${dir} is locked by ${path}, which cannot be read; if no partner-audit command is using ${dir}, pass --force`);
  }
  const who = `PID ${holder.pid}${holder.host === hostname() ? '' : ` on host ${holder.host}`} (${holder.command}, started ${holder.startedAt})`;
  const state = holderState(holder);
  if (state === 'running') throw new LockError(`${dir} is in use by ${who}; wait for it to finish`);
  if (force) return;
  if (state === 'stale') throw new LockError(`${dir} has a stale lock: ${who} is no longer running; pass --force to take it over`);
  throw new LockError(`${dir} is locked by ${who}; this host cannot tell whether it still runs: if it does not, pass --force`);
}

/**
 * `stale` when the holder ran on this host and its process is gone (or is this very process, which
 * never took it: a container reusing the PID); `unknown` for a lock taken on another host.
 */
function holderState(holder: LockHolder): 'running' | 'stale' | 'unknown' {
  if (holder.host !== hostname()) return 'unknown';
  if (holder.pid === process.pid) return 'stale';
  try {
    process.kill(holder.pid, 0);
    return 'running';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? 'stale' : 'running';
  }
}

function removeIfOurs(path: string): void {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (holder.pid === process.pid && holder.host === hostname()) unlinkSync(path);
  } catch {
    // already gone, or no longer ours
  }
}
