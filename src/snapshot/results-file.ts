// Reads a run directory's results.json back, checking it is ours before anything trusts it.

import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RESULTS_SCHEMA_VERSION, type Results } from '../contract/results.js';
import { SnapshotError } from '../errors.js';
import { assertInside, CHECKLISTS_DIR } from './layout.js';
import { RESULTS_FILE } from './manifest.js';

export async function readResults(runDir: string): Promise<Results> {
  const path = join(runDir, RESULTS_FILE);
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    throw new SnapshotError(`no ${RESULTS_FILE} in ${runDir}: run a scan first (or evaluate the snapshot)`);
  }
  await assertInside(runDir, path);
  const text = await readFile(path, 'utf8');
  let value: Partial<Omit<Results, 'schemaVersion'>> & { schemaVersion?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch (error) {
    throw new SnapshotError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const known = value.schemaVersion === RESULTS_SCHEMA_VERSION || value.schemaVersion === 1;
  if (!known || !Array.isArray(value.findings) || !Array.isArray(value.requirements) || !value.checklist) {
    throw new SnapshotError(`${path} is not a partner-audit results file (schemaVersion 1 or ${RESULTS_SCHEMA_VERSION})`);
  }
  return value.schemaVersion === 1 ? fromVersion1(value as Results) : (value as Results);
}

/**
 * Where a run keeps one checklist's results, relative to the run directory: under checklists/<id>/
 * when the run judged it besides its primary, else at the top (which may be another checklist's).
 */
export async function resultsFileOf(runDir: string, checklistId: string): Promise<string> {
  const other = `${CHECKLISTS_DIR}/${checklistId}/${RESULTS_FILE}`;
  return (await stat(join(runDir, other)).catch(() => undefined))?.isFile() ? other : RESULTS_FILE;
}

/** A run's results for one checklist; undefined when the run did not judge it. */
export async function findResultsFor(runDir: string, checklistId: string): Promise<Results | undefined> {
  const file = await resultsFileOf(runDir, checklistId);
  const dir = file === RESULTS_FILE ? runDir : dirname(join(runDir, file));
  if (dir !== runDir) await assertInside(runDir, dir);
  const results = await readResults(dir);
  return results.checklist.id === checklistId ? results : undefined;
}

export async function readResultsFor(runDir: string, checklistId: string): Promise<Results> {
  const results = await findResultsFor(runDir, checklistId);
  if (!results) throw new SnapshotError(`${runDir} has no results for checklist ${checklistId}`);
  return results;
}

/** Version 1 judged every requirement per account and had no exceptions: still readable as a baseline. */
function fromVersion1(results: Results): Results {
  return {
    ...results,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    requirements: results.requirements.map((row) => ({ ...row, scope: 'account' })),
    exceptions: [],
  };
}
