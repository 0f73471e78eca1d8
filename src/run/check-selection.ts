// `scan --checks` and `--requirements`: which checks a scan collects evidence for and evaluates,
// and which requirement rows it judges. results.json records the selection (`selection`), and the
// reports say the scan was narrowed.

import { requirementIdsOf } from '../catalog/coverage.js';
import { closestId } from '../catalog/closest.js';
import type { AnyCheck } from '../contract/check.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { ResultsSelection } from '../contract/results.js';
import { UsageError } from '../errors.js';

/** Unknown IDs are refused with the nearest known one (exit 2), before any AWS call. */
export function checkSelection(selection: ResultsSelection, checks: readonly AnyCheck[], checklists: readonly Checklist[]): void {
  refuseUnknown('check', selection.checks, checks.map((c) => c.id), '');
  const requirementIds = [...new Set(checklists.flatMap((c) => c.requirements.map((r) => r.id)))];
  refuseUnknown('requirement', selection.requirements, requirementIds, ` of ${checklists.map((c) => c.id).join(', ')}`);
}

function refuseUnknown(what: string, wanted: readonly string[] | undefined, known: readonly string[], where: string): void {
  for (const id of wanted ?? []) {
    if (known.includes(id)) continue;
    const hint = closestId(id, known, 4);
    throw new UsageError(`unknown ${what} "${id}"${where}${hint ? ` (did you mean ${hint}?)` : ''}`);
  }
}

/** Refuses a selection that leaves nothing to judge in any of the run's checklists. */
export function assertSomethingSelected(checks: readonly AnyCheck[], checklists: readonly Checklist[], selection: ResultsSelection): void {
  const narrowed = checklists.map((c) => narrowChecklist(c, checks, selection));
  if (narrowed.every((c) => c.requirements.length === 0)) {
    throw new UsageError(`--checks and --requirements leave no requirement of ${checklists.map((c) => c.id).join(', ')} to judge`);
  }
}

export function isSelective(selection: ResultsSelection): boolean {
  return Boolean(selection.checks?.length || selection.requirements?.length);
}

/**
 * The checklist as the narrowed scan judges it: only the requirements asked for with --requirements
 * and, with --checks, only those the chosen checks map to in this checklist.
 */
export function narrowChecklist(checklist: Checklist, checks: readonly AnyCheck[], selection: ResultsSelection): Checklist {
  if (!isSelective(selection)) return checklist;
  const ofChecks = selection.checks ? new Set(checks.filter((c) => selection.checks!.includes(c.id)).flatMap((c) => requirementIdsOf(c, checklist))) : undefined;
  const requirements = checklist.requirements.filter((r) => (!selection.requirements || selection.requirements.includes(r.id)) && (!ofChecks || ofChecks.has(r.id)));
  return { ...checklist, requirements };
}

/** The checks that judge a requirement the narrowed checklists keep (and, with --checks, were chosen). */
export function narrowChecks(checks: readonly AnyCheck[], narrowed: readonly Checklist[], selection: ResultsSelection): AnyCheck[] {
  if (!isSelective(selection)) return [...checks];
  const kept = checks.filter(
    (check) =>
      (!selection.checks || selection.checks.includes(check.id)) &&
      narrowed.some((checklist) => requirementIdsOf(check, checklist).some((id) => checklist.requirements.some((r) => r.id === id))),
  );
  return kept;
}
