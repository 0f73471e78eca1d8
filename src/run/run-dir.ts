// Opening a run directory for writing, before the first AWS call: it must be on an ordinary file
// system, writable, and either new, empty, or (with --force) an earlier run to replace; and it is
// locked against a second command for as long as this one writes.

import { constants, existsSync } from 'node:fs';
import { access, mkdir, readdir, realpath, rm, stat, statfs } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { SnapshotError, UsageError } from '../errors.js';
import { LOCK_FILE } from '../snapshot/layout.js';
import { acquireRunLock, assertUnlocked, type RunLock } from '../snapshot/lock.js';
import { MANIFEST_FILE } from '../snapshot/manifest.js';

export interface OpenOptions {
  /** How the user named the directory, for messages: `--out`, `--resume`, `run directory`. */
  label: string;
  /** The command holding the lock. */
  command: string;
  /** Replace an earlier run (new runs), take over a stale lock. */
  force?: boolean;
}

/** Linux statfs magic numbers of pseudo file systems, whose "files" are kernel interfaces. */
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x6165676c, 'pstore'],
  [0xde5e81e4, 'efivarfs'],
  [0x65735543, 'fusectl'],
  [0x42494e4d, 'binfmt_misc'],
  [0xf97cff8c, 'selinuxfs'],
  [0x6e736673, 'nsfs'],
  [0x19800202, 'mqueue'],
]);

/** /proc, /sys and /dev (but for its shared-memory tmpfs) by path, whatever statfs says. */
const SPECIAL_PATH = /^\/(?:proc|sys|dev(?!\/shm(?:\/|$)))(?:\/|$)/;

async function nearestExisting(path: string): Promise<string> {
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Refuses a directory on /proc, /sys, /dev or another pseudo file system, where writes never behave like files. */
export async function assertOrdinaryFileSystem(dir: string, label: string): Promise<void> {
  const existing = await nearestExisting(dir);
  const real = await realpath(existing).catch(() => existing);
  const full = join(real, relative(existing, resolve(dir)));
  const refuse = (what: string): never => {
    throw new UsageError(`${label} ${dir} is on ${what}, a special file system, not a disk: choose another directory`);
  };
  if (process.platform !== 'win32' && SPECIAL_PATH.test(full)) refuse(`/${full.split('/')[1]}`);
  if (process.platform !== 'linux') return;
  const type = (await statfs(real).catch(() => undefined))?.type;
  const name = type === undefined ? undefined : PSEUDO_FILE_SYSTEMS.get(type);
  if (name) refuse(name);
}

async function assertWritable(dir: string, label: string): Promise<void> {
  await access(dir, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${label} ${dir} is not writable: ${reason(error)}`);
  });
}

/** `ENOTDIR` → `a part of its path is a file (ENOTDIR)` */
function reason(error: NodeJS.ErrnoException): string {
  const plain: Record<string, string> = {
    ENOTDIR: 'a part of its path is a file, not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
  };
  const code = error.code ?? 'error';
  return plain[code] ? `${plain[code]} (${code})` : `${code}: ${error.message}`;
}

async function directoryState(dir: string, label: string): Promise<string[] | undefined> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new UsageError(`${label} ${dir} cannot be used: ${reason(error)}`);
  });
  if (info && !info.isDirectory()) throw new UsageError(`${label} ${dir} is a file, not a directory`);
  return info ? readdir(dir) : undefined;
}

/**
 * A directory for a new run: absent (created), empty, or holding an earlier run, which `--force`
 * replaces. Anything else is refused, so a stranger's files never join the evidence.
 */
export async function openNewRunDir(dir: string, options: OpenOptions): Promise<RunLock> {
  await assertOrdinaryFileSystem(dir, options.label);
  const entries = await directoryState(dir, options.label);
  if (entries?.includes(LOCK_FILE)) await assertUnlocked(dir, options.force);
  const content = (entries ?? []).filter((e) => e !== LOCK_FILE);
  const holdsRun = content.includes(MANIFEST_FILE);
  if (content.length > 0 && !holdsRun) {
    throw new UsageError(`${options.label} ${dir} is not empty and holds no partner-audit run; choose a new or empty directory`);
  }
  if (holdsRun && !options.force) {
    throw new UsageError(`${options.label} ${dir} already holds a run; pass --force to replace it, or choose a new directory`);
  }
  if (!entries) {
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot create ${options.label} ${dir}: ${reason(error)}`);
    });
  }
  await assertWritable(dir, options.label);
  const lock = await acquireRunLock(dir, { command: options.command, force: options.force === true });
  try {
    await emptyRunDir(dir);
  } catch (error) {
    await lock.release();
    throw error;
  }
  return lock;
}

/** Removes everything in a run directory this command holds the lock of, but the lock. */
export async function emptyRunDir(dir: string): Promise<void> {
  const entries = (await readdir(dir)).filter((e) => e !== LOCK_FILE);
  await Promise.all(entries.map((entry) => rm(join(dir, entry), { recursive: true, force: true })));
}

/** An existing run directory to work on in place (resume, re-render), locked. */
export async function openExistingRunDir(dir: string, options: OpenOptions): Promise<RunLock> {
  await assertOrdinaryFileSystem(dir, options.label);
  const entries = await directoryState(dir, options.label);
  if (!entries) throw new SnapshotError(`${options.label} ${dir} not found`);
  if (!entries.includes(MANIFEST_FILE)) throw new SnapshotError(`${options.label} ${dir} holds no partner-audit run (no ${MANIFEST_FILE})`);
  await assertWritable(dir, options.label);
  return acquireRunLock(dir, { command: options.command, force: options.force === true });
}
