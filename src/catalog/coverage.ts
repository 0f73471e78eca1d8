// How checks map onto a checklist's requirements. Mappings are always checklist-qualified:
// the same requirement ID means different things in different checklists.

import type { AnyCheck } from '../contract/check.js';
import type { ChecklistId } from '../contract/checklists/index.js';
import type { Checklist } from '../contract/checklists/types.js';
import { severityRank } from '../contract/status.js';

export function requirementIdsOf(check: AnyCheck, checklist: Checklist): string[] {
  return check.requirements[checklist.id as ChecklistId] ?? [];
}

/**
 * The checks mapped to `checklist`, in the checklist's order: by the first requirement each maps to,
 * the most severe first, then by id. Evaluation and reports follow this order, whatever order the
 * checks came in, so a requirement's roll-up quotes its most severe finding.
 */
export function orderedChecks(checks: readonly AnyCheck[], checklist: Checklist): AnyCheck[] {
  const position = new Map(checklist.requirements.map((r, i) => [r.id, i]));
  const first = (check: AnyCheck) => Math.min(...requirementIdsOf(check, checklist).map((id) => position.get(id) ?? Infinity));
  return checks
    .filter((check) => requirementIdsOf(check, checklist).length > 0)
    .sort((a, b) => first(a) - first(b) || severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id));
}

export function checksCovering(checks: readonly AnyCheck[], checklist: Checklist, requirementId: string): AnyCheck[] {
  return checks.filter((c) => requirementIdsOf(c, checklist).includes(requirementId));
}

export interface EvidenceSource {
  collector: string;
  optional: boolean;
}

/** The datasets a check reads: required ones first, then those it uses when present. */
export function evidenceSources(check: AnyCheck): EvidenceSource[] {
  return [
    ...Object.values(check.uses).map((c) => ({ collector: c.id, optional: false })),
    ...Object.values(check.optionalUses ?? {}).map((c) => ({ collector: c.id, optional: true })),
  ];
}
