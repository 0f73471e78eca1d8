// Reads a run directory back. Datasets are streamed line by line, one account at a time, so a
// large run never has to fit in memory. Every field is checked before it is trusted (validate.ts);
// every problem is a one-line SnapshotError naming the file, the line and the field.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetRecord } from '../contract/record.js';
import { SnapshotError } from '../errors.js';
import { assertInside, datasetsFile } from './layout.js';
import { fileLines } from './lines.js';
import { MANIFEST_FILE, type JudgedManifest, type Manifest, type ManifestAccount } from './manifest.js';
import { scanManifest } from './manifest-layout.js';
import { parseJson } from './parse-json.js';
import { ManifestEntries, validManifest, validManifestHead, validRecord, type Vocabulary } from './validate.js';

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new SnapshotError(`snapshot directory not found: ${dir}`);
}

export async function readManifest(dir: string, vocabulary: Vocabulary): Promise<Manifest> {
  return readManifestAs(dir, vocabulary, (account) => account);
}

/**
 * The manifest as the evaluation and the reports hold it. Nothing after the collection reads the
 * per-service call counts (36,000 objects at 1,000 accounts), so each entry's are dropped as it is read.
 */
export async function readJudgedManifest(dir: string, vocabulary: Vocabulary): Promise<JudgedManifest> {
  return readManifestAs(dir, vocabulary, ({ calls: _fileOnly, ...account }) => account);
}

type ManifestOf<A> = Omit<Manifest, 'accounts'> & { accounts: A[] };

/**
 * The manifest, each account entry checked and turned by `keep` as it is parsed. In the writer's
 * layout the file is read twice in chunks: for its head, parsed and checked first (so a file that is
 * not a manifest is refused as such), then for its entries, one at a time. Any other layout is
 * parsed whole.
 */
async function readManifestAs<A>(dir: string, vocabulary: Vocabulary, keep: (account: ManifestAccount) => A): Promise<ManifestOf<A>> {
  await assertDirectory(dir);
  const path = join(dir, MANIFEST_FILE);
  if (!(await stat(path).catch(() => undefined))?.isFile()) throw new SnapshotError(`snapshot has no ${MANIFEST_FILE}: ${path}`);
  await assertInside(dir, path);
  const headText = await scanManifest(path);
  const head = headText === undefined ? undefined : parsedOrUndefined(headText);
  // A head that still holds entries was not in the layout after all: it is parsed whole too.
  if (!hasNoAccounts(head)) {
    const manifest = validManifest(ofSchemaVersion1(path, parseJson(path, await readFile(path, 'utf8'))), vocabulary, path);
    return { ...manifest, accounts: manifest.accounts.map(keep) };
  }
  const checked = validManifestHead(ofSchemaVersion1(path, head), vocabulary, path);
  const entries = new ManifestEntries(vocabulary, path);
  const accounts: A[] = [];
  const again = await scanManifest(path, (text, index) => accounts.push(keep(entries.check(parseJson(path, text), index))));
  if (again === undefined) throw new SnapshotError(`${path} changed while it was read`);
  return { ...checked, accounts };
}

function hasNoAccounts(head: unknown): boolean {
  const accounts = (head as { accounts?: unknown } | null | undefined)?.accounts;
  return Array.isArray(accounts) && accounts.length === 0;
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function ofSchemaVersion1(path: string, value: unknown): unknown {
  if ((value as { schemaVersion?: unknown } | null)?.schemaVersion !== 1) {
    throw new SnapshotError(`${path} is not a partner-audit manifest (schemaVersion 1)`);
  }
  return value;
}

/** Whether the account has a datasets file (an account that was never reached has none); one reached through a link out of the run is refused. */
export async function hasDatasetsFile(dir: string, accountId: string): Promise<boolean> {
  const path = datasetsFile(dir, accountId);
  if (!(await stat(path).catch(() => undefined))?.isFile()) return false;
  await assertInside(dir, path);
  return true;
}

/**
 * The records of one account, in the order they were written. An account without a datasets
 * file yields nothing (it may have failed before collecting anything). A line that is not JSON, a
 * record with a malformed field, a record of another account, or a second record for the same
 * dataset and region throws, naming the file and line.
 */
export async function* readAccountDatasets(dir: string, accountId: string, vocabulary: Vocabulary): AsyncGenerator<DatasetRecord> {
  if (!(await hasDatasetsFile(dir, accountId))) return;
  const path = datasetsFile(dir, accountId);
  const firstLineOf = new Map<string, number>();
  let lineNo = 0;
  for await (const line of fileLines(path)) {
    lineNo += 1;
    if (line.trim() === '') continue;
    const record = parseLine(line, vocabulary, `${path}:${lineNo}`);
    if (record.accountId !== accountId) {
      throw new SnapshotError(`${path}:${lineNo}: accountId: ${record.accountId} does not match the file's account ${accountId}`);
    }
    const key = `${record.region}|${record.collector}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      throw new SnapshotError(`${path}:${lineNo}: a second record for ${record.collector} in ${record.region} (the first is on line ${first})`);
    }
    firstLineOf.set(key, lineNo);
    yield record;
  }
}

function parseLine(line: string, vocabulary: Vocabulary, where: string): DatasetRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new SnapshotError(`${where}: not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SnapshotError(`${where}: not a dataset record`);
  return validRecord(value, vocabulary, where);
}
