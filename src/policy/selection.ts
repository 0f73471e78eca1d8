// Which checks to run (by checklist and/or id), and the IAM actions they need.

import { getChecklist } from '../catalog/index.js';
import { requirementIdsOf } from '../catalog/coverage.js';
import { type AnyCheck, checkActions } from '../contract/check.js';
import { UsageError } from '../errors.js';

export interface Selection {
  /** Only checks mapped to this checklist (`id` or `id@version`); every check when absent. */
  checklist?: string;
  checkIds?: string[];
}

export function selectChecks(selection: Selection, all: readonly AnyCheck[]): AnyCheck[] {
  const unknown = (selection.checkIds ?? []).filter((id) => !all.some((c) => c.id === id));
  if (unknown.length) throw new UsageError(`unknown check id: ${unknown.join(', ')} (see \`partner-audit checks\`)`);
  const checklist = selection.checklist === undefined ? undefined : getChecklist(selection.checklist);
  const chosen = all.filter(
    (check) =>
      (!selection.checkIds?.length || selection.checkIds.includes(check.id)) &&
      (!checklist || requirementIdsOf(check, checklist).length > 0),
  );
  if (chosen.length === 0) throw new UsageError(`no check matches the selection (checklist ${checklist?.id})`);
  return chosen;
}

/** The sorted union of the selected checks' actions (their collectors' and dependencies'). */
export function neededActions(selection: Selection, all: readonly AnyCheck[]): string[] {
  return [...new Set(selectChecks(selection, all).flatMap(checkActions))].sort();
}
