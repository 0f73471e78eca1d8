// Rebuilds a report's input from a run directory, offline: results.json, manifest.json, the
// checklist release the run used and the checks' metadata.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../checks/index.js';
import { getChecklist } from '../catalog/index.js';
import { SnapshotError } from '../errors.js';
import type { Results } from '../contract/results.js';
import { readManifest } from '../snapshot/reader.js';
import { RESULTS_FILE } from '../snapshot/manifest.js';
import { checkSummaries } from './check-summary.js';
import type { ReportInput } from './types.js';

export async function loadReportInput(runDir: string, baselineDir?: string): Promise<ReportInput> {
  const manifest = await readManifest(runDir);
  const results = await readResults(runDir);
  const checklist = getChecklist(`${results.checklist.id}@${results.checklist.version}`);
  return {
    results,
    manifest,
    checklist,
    checks: checkSummaries(ALL_CHECKS, checklist.id),
    ...(baselineDir ? { baseline: await readResults(baselineDir) } : {}),
  };
}

export async function readResults(runDir: string): Promise<Results> {
  const path = join(runDir, RESULTS_FILE);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new SnapshotError(`no ${RESULTS_FILE} in ${runDir}: run a scan first (or evaluate the snapshot)`);
  });
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
