// Reads a run directory's results.json back, checking it is ours before anything trusts it.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results } from '../contract/results.js';
import { SnapshotError } from '../errors.js';
import { assertInside } from './layout.js';
import { RESULTS_FILE } from './manifest.js';

export async function readResults(runDir: string): Promise<Results> {
  const path = join(runDir, RESULTS_FILE);
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    throw new SnapshotError(`no ${RESULTS_FILE} in ${runDir}: run a scan first (or evaluate the snapshot)`);
  }
  await assertInside(runDir, path);
  const text = await readFile(path, 'utf8');
  let value: Partial<Results>;
  try {
    value = JSON.parse(text) as Partial<Results>;
  } catch (error) {
    throw new SnapshotError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (value.schemaVersion !== 1 || !Array.isArray(value.findings) || !Array.isArray(value.requirements) || !value.checklist) {
    throw new SnapshotError(`${path} is not a partner-audit results file (schemaVersion 1)`);
  }
  return value as Results;
}
