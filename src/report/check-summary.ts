// The part of a check's metadata reporters show, for one checklist.

import type { AnyCheck } from '../contract/check.js';
import type { ChecklistId } from '../contract/checklists/index.js';
import { checkActions } from '../contract/check.js';
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
