// Where things live in a run directory, and the grammar of the file names it may hold. Every path
// built from something read back (an account ID from a manifest, a name from SHA256SUMS) goes
// through here, so nothing outside the run directory is ever read or written.

import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { ACCOUNT_ID } from '../contract/identifiers.js';
import { SnapshotError } from '../errors.js';
import { DATASETS_DIR } from './manifest.js';

/** Held while a command writes the run directory; never part of the evidence. */
export const LOCK_FILE = '.partner-audit.lock';
/** Reports rendered again by `partner-audit report`, one folder per rendering, outside the evidence. */
export const RERENDERS_DIR = 'rerenders';

/** One path segment: letters, digits, `.`, `_`, `-`, not starting with `.` (so never `..`). */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A `/`-separated path relative to the run directory, made only of plain segments. */
export function isRunFilePath(path: string): boolean {
  return path.length > 0 && path.length <= 512 && path.split('/').every((segment) => SEGMENT.test(segment));
}

/** Results and reports of the run's other checklists, one folder each; the primary's are at the top. */
export const CHECKLISTS_DIR = 'checklists';

/** Where a checklist's results.json and reports live in a run directory. */
export function checklistDir(runDir: string, checklistId: string, primaryId: string): string {
  if (checklistId === primaryId) return runDir;
  if (!SEGMENT.test(checklistId)) throw new SnapshotError(`${JSON.stringify(checklistId).slice(0, 60)} is not a checklist id`);
  return join(runDir, CHECKLISTS_DIR, checklistId);
}

export function assertAccountId(accountId: string, where: string): void {
  if (!ACCOUNT_ID.test(accountId)) {
    throw new SnapshotError(`${where}: ${JSON.stringify(accountId).slice(0, 60)} is not a 12-digit AWS account ID`);
  }
}

/** `datasets/<accountId>.jsonl`; refuses anything but a 12-digit account ID. */
export function datasetsFile(dir: string, accountId: string): string {
  assertAccountId(accountId, 'datasets file');
  return join(dir, DATASETS_DIR, `${accountId}.jsonl`);
}

/** The account a datasets file name belongs to, or undefined when the name is not `<12 digits>.jsonl`. */
export function accountOfDatasetsFile(name: string): string | undefined {
  return /^(\d{12})\.jsonl$/.exec(name)?.[1];
}

/** Refuses a file that, once symbolic links are followed, lies outside the run directory. */
export async function assertInside(dir: string, path: string): Promise<void> {
  const [root, real] = await Promise.all([realpath(dir), realpath(path)]);
  const rel = relative(root, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new SnapshotError(`${path} leads outside ${dir} through a symbolic link: refused`);
  }
}

/** A file of the run directory as text; undefined when there is no such regular file. Never through a link out of the run. */
export async function readRunFile(dir: string, name: string): Promise<string | undefined> {
  const path = join(dir, name);
  try {
    await assertInside(dir, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') return undefined;
    throw error;
  });
}
