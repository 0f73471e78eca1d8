// Rebuilds a report's input from a run directory, offline: results.json (its findings streamed from
// the file), manifest.json, the checklist release the run used and the checks' metadata.

import { getChecklist } from '../catalog/index.js';
import type { AnyCheck } from '../contract/check.js';
import { runVocabulary } from '../collect/vocabulary.js';
import { checkSummaries } from '../report/check-summary.js';
import type { ReportInput } from '../report/types.js';
import { readJudgedManifest } from '../snapshot/reader.js';
import { readResultsStream, readResultsStreamFor } from '../snapshot/results-file.js';

/** The run's results for `checklistId` (default: its primary, at the top of the run directory). */
export async function loadReportInput(runDir: string, checks: readonly AnyCheck[], baselineDir?: string, checklistId?: string): Promise<ReportInput> {
  const manifest = await readJudgedManifest(runDir, runVocabulary());
  const { results, findings } = checklistId ? await readResultsStreamFor(runDir, checklistId) : await readResultsStream(runDir);
  const checklist = getChecklist(`${results.checklist.id}@${results.checklist.version}`);
  return {
    results,
    findings,
    manifest,
    checklist,
    checks: checkSummaries(checks, checklist.id),
    ...(baselineDir ? { baseline: (await readResultsStreamFor(baselineDir, checklist.id)).results } : {}),
  };
}
