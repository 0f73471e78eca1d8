// How checks map onto a checklist's requirements. Mappings are always checklist-qualified:
// the same requirement ID means different things in different checklists.

import type { AnyCheck } from '../contract/check.js';
import type { ChecklistId } from '../contract/checklists/index.js';
import type { Checklist } from '../contract/checklists/types.js';

export function requirementIdsOf(check: AnyCheck, checklist: Checklist): string[] {
  return check.requirements[checklist.id as ChecklistId] ?? [];
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
