// Reads back every dataset record of a run directory.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetRecord } from '../../src/contract/record.js';

export async function readDatasetFiles(runDir: string): Promise<DatasetRecord[]> {
  const dir = join(runDir, 'datasets');
  const records: DatasetRecord[] = [];
  for (const file of await readdir(dir)) {
    for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) if (line.trim()) records.push(JSON.parse(line));
  }
  return records;
}
