// Writes a run directory as the scan goes: the manifest first (complete:false), each dataset as
// one JSON line the moment it finishes, the manifest again (atomically) as accounts finish and at
// the end. An interrupted run keeps everything that finished.

import { constants } from 'node:fs';
import { appendFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetRecord } from '../contract/record.js';
import { SnapshotError } from '../errors.js';
import { datasetsFile } from './layout.js';
import { DATASETS_DIR, MANIFEST_FILE, type CallCounts, type Manifest, type ManifestAccount } from './manifest.js';

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
  /** Adds or replaces an account entry and rewrites the manifest. */
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

export function createSnapshotWriter(dir: string, initial: Manifest): SnapshotWriter {
  let manifest: Manifest = structuredClone(initial);
  const queues = new WriteQueues();
  const manifestPath = join(dir, MANIFEST_FILE);

  const saveManifest = (): Promise<void> => {
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    return queues.run(MANIFEST_FILE, async () => {
      const tmp = `${manifestPath}.${process.pid}.tmp`;
      await writeFile(tmp, text, { flag: REPLACE });
      await rename(tmp, manifestPath);
    });
  };

  const writer: SnapshotWriter = {
    dir,
    manifest: () => structuredClone(manifest),
    start: async () => {
      if (await stat(manifestPath).catch(() => undefined)) throw new SnapshotError(`${dir} already holds a run (${MANIFEST_FILE} exists)`);
      await mkdir(join(dir, DATASETS_DIR), { recursive: true });
      await saveManifest();
    },
    // Removed rather than truncated: a link in its place goes, not the file it points to.
    resetAccount: (accountId) => queues.run(accountId, () => rm(datasetsFile(dir, accountId), { force: true })),
    writeRecord: (record) => {
      const line = `${JSON.stringify(record)}\n`;
      return queues.run(record.accountId, () => appendFile(datasetsFile(dir, record.accountId), line, { flag: APPEND }));
    },
    saveAccount: (account, totals) => {
      const known = manifest.accounts.some((a) => a.accountId === account.accountId);
      const accounts = known
        ? manifest.accounts.map((a) => (a.accountId === account.accountId ? account : a))
        : [...manifest.accounts, account];
      manifest = { ...manifest, accounts, totals };
      return saveManifest();
    },
    update: (patch) => {
      manifest = { ...manifest, ...patch };
      return saveManifest();
    },
    finish: (finishedAt, totals, complete = true) => {
      manifest = { ...manifest, finishedAt, totals, complete };
      return saveManifest();
    },
    flush: () => queues.drain(),
    interrupt: async (signal) => {
      await writer.flush();
      await saveManifest();
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
