// The part of a check's metadata reporters show, for one checklist.

import type { AnyCheck, ChecklistId } from '../engine/check.js';
import { checkActions } from '../engine/check.js';
import type { CheckSummary } from './types.js';

export function checkSummaries(checks: readonly AnyCheck[], checklistId: string): CheckSummary[] {
  return checks.map((check) => ({
    id: check.id,
    title: check.title,
    description: check.description,
    requirementIds: check.requirements[checklistId as ChecklistId] ?? [],
    severity: check.severity,
    remediation: check.remediation,
    docsUrl: check.docsUrl,
    actions: checkActions(check),
  }));
}
