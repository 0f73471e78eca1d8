// Writes a run directory as the scan goes: the manifest first (complete:false), each dataset as
// one JSON line the moment it finishes, the manifest again (atomically) as accounts finish and at
// the end. An interrupted run keeps everything that finished.

import { constants } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetRecord } from '../contract/record.js';
import { SnapshotError } from '../errors.js';
import { datasetsFile } from './layout.js';
import { DATASETS_DIR, MANIFEST_FILE, type CallCounts, type Manifest, type ManifestAccount } from './manifest.js';
import { manifestText } from './manifest-text.js';

export { datasetsFile } from './layout.js';

export interface SnapshotWriter {
  readonly dir: string;
  /** The manifest as it stands (a copy). */
  manifest(): Manifest;
  /** Creates the run directory and writes the initial manifest; refuses a directory that holds a run. */
  start(): Promise<void>;
  /** Removes an account's datasets file, so a rescan does not mix with a partial earlier attempt. */
  resetAccount(accountId: string): Promise<void>;
  /** Appends one record to datasets/<accountId>.jsonl. */
  writeRecord(record: DatasetRecord): Promise<void>;
  /** Adds or replaces an account entry and rewrites the manifest (soon: saves close together share one write). */
  saveAccount(account: ManifestAccount, totals: CallCounts): Promise<void>;
  /** Merges top-level fields (e.g. callerIdentity, the pending accounts) and rewrites the manifest. */
  update(patch: Partial<Omit<Manifest, 'schemaVersion'>>): Promise<void>;
  /** Records the end time and totals; `complete` is false when a deadline cut the scan short. */
  finish(finishedAt: string, totals: CallCounts, complete?: boolean): Promise<void>;
  /** Waits for every write already asked for. */
  flush(): Promise<void>;
  /** Flushes finished records and writes the manifest (still complete:false); returns the exit code. */
  interrupt(signal: NodeJS.Signals): Promise<number>;
  /** On SIGINT/SIGTERM: `interrupt`, then exit. Returns a function that removes the handlers. */
  handleSignals(): () => void;
}

/** Never write through a symbolic link planted in a run directory (ELOOP instead). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const APPEND = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW;
const REPLACE = constants.O_WRONLY | constants.O_TRUNC | constants.O_CREAT | NO_FOLLOW;

/** One queue per file, so lines and manifest versions land in the order they were asked for. */
class WriteQueues {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string, write: () => Promise<void>): Promise<void> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(write);
    this.tails.set(key, next.catch(() => undefined));
    return next;
  }

  async drain(): Promise<void> {
    await Promise.all(this.tails.values());
  }
}

/** Lines of one account's records that wait for the same write. */
interface Batch {
  lines: string[];
  written: Promise<void>;
}

/** A regular file takes a write whole, short of a full disk; the loop covers that case too. */
async function writeAll(file: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += (await file.write(bytes, offset)).bytesWritten;
}

/**
 * Account saves wait at most this many times the last manifest write's duration, and share one
 * write: the manifest grows with the organization, and rewriting all of it for every account
 * finished cost time in the square of the accounts (5 MB at 1,000 accounts with every check's
 * services). At 30 the rewrites take at most about 3% of the scan's time; a crash loses at most
 * the last second or two of finished accounts, which --resume scans again.
 */
const SAVE_SPACING = 30;

export function createSnapshotWriter(dir: string, initial: Manifest): SnapshotWriter {
  let manifest: Manifest = structuredClone(initial);
  const queues = new WriteQueues();
  const manifestPath = join(dir, MANIFEST_FILE);
  let lastWrite = { endedAt: 0, tookMs: 0 };

  // Serialised when its turn in the queue comes, so it carries every change made until then.
  const saveManifest = (): Promise<void> =>
    queues.run(MANIFEST_FILE, async () => {
      const started = performance.now();
      const tmp = `${manifestPath}.${process.pid}.tmp`;
      await writeFile(tmp, manifestText(manifest), { flag: REPLACE });
      await rename(tmp, manifestPath);
      lastWrite = { endedAt: performance.now(), tookMs: performance.now() - started };
    });

  // Saves asked for while one waits its turn join it; any immediate save takes them along.
  let pending: { timer: NodeJS.Timeout; resolve(): void; reject(error: unknown): void; promise: Promise<void> } | undefined;
  const saveNow = (): Promise<void> => {
    const joined = pending;
    pending = undefined;
    if (joined) clearTimeout(joined.timer);
    const written = saveManifest();
    if (joined) written.then(joined.resolve, joined.reject);
    return written;
  };
  const saveSoon = (): Promise<void> => {
    if (!pending) {
      const delay = Math.max(0, lastWrite.endedAt + lastWrite.tookMs * SAVE_SPACING - performance.now());
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      pending = { timer: setTimeout(() => void saveNow().catch(() => undefined), delay), resolve, reject, promise };
    }
    return pending.promise;
  };

  // Each account in progress keeps its datasets file open: opening and closing it for every record
  // cost as much as writing the record. Every use of a file runs in its account's queue.
  const files = new Map<string, FileHandle>();
  const fileOf = async (accountId: string): Promise<FileHandle> => {
    let file = files.get(accountId);
    if (!file) files.set(accountId, (file = await open(datasetsFile(dir, accountId), APPEND)));
    return file;
  };
  // Records that finish while their account's file is busy share its next write. One write per
  // record left each waiting behind every record before it, seconds on a busy scan, and the
  // datasets that depend on a record wait for it to be written.
  const batches = new Map<string, Batch>();
  const closeFile = (accountId: string): Promise<void> =>
    queues.run(accountId, async () => {
      const file = files.get(accountId);
      files.delete(accountId);
      await file?.close();
    });
  const closeFiles = async (): Promise<void> => {
    await Promise.all([...files.keys()].map(closeFile));
  };

  const writer: SnapshotWriter = {
    dir,
    manifest: () => structuredClone(manifest),
    start: async () => {
      if (await stat(manifestPath).catch(() => undefined)) throw new SnapshotError(`${dir} already holds a run (${MANIFEST_FILE} exists)`);
      await mkdir(join(dir, DATASETS_DIR), { recursive: true });
      await saveNow();
    },
    // Removed rather than truncated: a link in its place goes, not the file it points to.
    // Queued at once, so a record asked for after the reset lands after it (and starts a new batch).
    resetAccount: async (accountId) => {
      batches.delete(accountId);
      await Promise.all([closeFile(accountId), queues.run(accountId, () => rm(datasetsFile(dir, accountId), { force: true }))]);
    },
    writeRecord: (record) => {
      const line = `${JSON.stringify(record)}\n`;
      const { accountId } = record;
      const waiting = batches.get(accountId);
      if (waiting) {
        waiting.lines.push(line);
        return waiting.written;
      }
      const lines = [line];
      const written = queues.run(accountId, async () => {
        // Records from here on wait for the next batch.
        batches.delete(accountId);
        await writeAll(await fileOf(accountId), lines.join(''));
      });
      batches.set(accountId, { lines, written });
      return written;
    },
    saveAccount: (account, totals) => {
      const known = manifest.accounts.some((a) => a.accountId === account.accountId);
      const accounts = known
        ? manifest.accounts.map((a) => (a.accountId === account.accountId ? account : a))
        : [...manifest.accounts, account];
      manifest = { ...manifest, accounts, totals };
      // The account's records are all written: its file closes (a later record reopens it).
      return Promise.all([closeFile(account.accountId), saveSoon()]).then(() => undefined);
    },
    update: (patch) => {
      manifest = { ...manifest, ...patch };
      return saveNow();
    },
    finish: async (finishedAt, totals, complete = true) => {
      manifest = { ...manifest, finishedAt, totals, complete };
      await closeFiles();
      await saveNow();
    },
    flush: async () => {
      if (pending) await saveNow();
      await closeFiles();
      await queues.drain();
    },
    interrupt: async (signal) => {
      await writer.flush();
      await saveNow();
      return signal === 'SIGINT' ? 130 : 143;
    },
    handleSignals: () => {
      const onSignal = (signal: NodeJS.Signals): void => {
        void writer.interrupt(signal).then(
          (code) => process.exit(code),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      return () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      };
    },
  };
  return writer;
}
