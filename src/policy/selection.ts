// Which checks to run (by checklist and/or id), and the IAM actions they need.

import { getChecklists } from '../catalog/index.js';
import { requirementIdsOf } from '../catalog/coverage.js';
import { type AnyCheck, checkActions } from '../contract/check.js';
import { UsageError } from '../errors.js';

export interface Selection {
  /** Only checks mapped to this checklist (`id` or `id@version`) or to any of these; every check when absent. */
  checklist?: string | readonly string[];
  checkIds?: string[];
}

export function selectChecks(selection: Selection, all: readonly AnyCheck[]): AnyCheck[] {
  const unknown = (selection.checkIds ?? []).filter((id) => !all.some((c) => c.id === id));
  if (unknown.length) throw new UsageError(`unknown check id: ${unknown.join(', ')} (see \`partner-audit checks\`)`);
  const checklists = selection.checklist === undefined ? undefined : getChecklists(selection.checklist);
  const chosen = all.filter(
    (check) =>
      (!selection.checkIds?.length || selection.checkIds.includes(check.id)) &&
      (!checklists || checklists.some((checklist) => requirementIdsOf(check, checklist).length > 0)),
  );
  if (chosen.length === 0) throw new UsageError(`no check matches the selection (checklist ${checklists?.map((c) => c.id).join(', ')})`);
  return chosen;
}

/** The sorted union of the selected checks' actions (their collectors' and dependencies'). */
export function neededActions(selection: Selection, all: readonly AnyCheck[]): string[] {
  return [...new Set(selectChecks(selection, all).flatMap(checkActions))].sort();
}
