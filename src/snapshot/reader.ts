// Reads a run directory back. Datasets are streamed line by line, one account at a time, so a
// large run never has to fit in memory. Every problem is a one-line SnapshotError.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DatasetRecord } from '../contract/record.js';
import { SnapshotError } from '../errors.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import { datasetsFile } from './writer.js';

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new SnapshotError(`snapshot directory not found: ${dir}`);
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Partial<Manifest> | null;
  return typeof m === 'object' && m !== null && m.schemaVersion === 1 && typeof m.runId === 'string' && Array.isArray(m.accounts);
}

export async function readManifest(dir: string): Promise<Manifest> {
  await assertDirectory(dir);
  const path = join(dir, MANIFEST_FILE);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new SnapshotError(`snapshot has no ${MANIFEST_FILE}: ${path}`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SnapshotError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (!isManifest(value)) throw new SnapshotError(`${path} is not a partner-audit manifest (schemaVersion 1)`);
  return value;
}

function isRecord(value: unknown): value is DatasetRecord {
  const r = value as Partial<DatasetRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.accountId === 'string' &&
    typeof r.region === 'string' &&
    typeof r.collector === 'string' &&
    typeof r.ok === 'boolean' &&
    (r.ok ? 'data' in r : typeof (r as { error?: unknown }).error === 'object')
  );
}

/**
 * The records of one account, in the order they were written. An account without a datasets
 * file yields nothing (it may have failed before collecting anything); a corrupt line throws
 * naming the file and line number.
 */
export async function* readAccountDatasets(dir: string, accountId: string): AsyncGenerator<DatasetRecord> {
  const path = datasetsFile(dir, accountId);
  const exists = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) return;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      lines.close();
      throw new SnapshotError(`${path}:${lineNo}: not valid JSON`);
    }
    if (!isRecord(value)) {
      lines.close();
      throw new SnapshotError(`${path}:${lineNo}: not a dataset record`);
    }
    yield value;
  }
}
