import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { buildPlan } from '../../src/collect/plan.js';
import { getChecklist } from '../../src/catalog/index.js';
import { UsageError } from '../../src/errors.js';
import { assertSomethingSelected, checkSelection, narrowChecklist, narrowChecks } from '../../src/run/check-selection.js';

const SMB = getChecklist('smb-competency');

describe('scan --checks / --requirements', () => {
  it('--checks keeps those checks and the requirements they map to; the plan collects only their datasets', () => {
    const selection = { checks: ['support-plan-business-or-higher'] };
    const judged = narrowChecklist(SMB, ALL_CHECKS, selection);
    expect(judged.requirements.map((r) => r.id)).toEqual(['SUP-001']);
    const checks = narrowChecks(ALL_CHECKS, [judged], selection);
    expect(checks.map((c) => c.id)).toEqual(['support-plan-business-or-higher']);
    const full = buildPlan(narrowChecks(ALL_CHECKS, [SMB], {}));
    const narrowed = buildPlan(checks);
    const size = (plan: ReturnType<typeof buildPlan>) => JSON.stringify(plan, (_, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? [...v.keys()] : v)).length;
    expect(size(narrowed)).toBeLessThan(size(full));
  });

  it('--requirements keeps those rows and every check that judges one of them', () => {
    const selection = { requirements: ['SECOPS-007'] };
    const judged = narrowChecklist(SMB, ALL_CHECKS, selection);
    expect(judged.requirements.map((r) => r.id)).toEqual(['SECOPS-007']);
    const checks = narrowChecks(ALL_CHECKS, [judged], selection);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => (c.requirements['smb-competency'] ?? []).includes('SECOPS-007'))).toBe(true);
  });

  it('refuses unknown IDs with the nearest one, and a selection that leaves nothing to judge', () => {
    expect(() => checkSelection({ checks: ['guardduty-enabeld'] }, ALL_CHECKS, [SMB])).toThrow('unknown check "guardduty-enabeld" (did you mean guardduty-enabled?)');
    expect(() => checkSelection({ requirements: ['SUP-01'] }, ALL_CHECKS, [SMB])).toThrow('unknown requirement "SUP-01" of smb-competency (did you mean SUP-001?)');
    expect(() => assertSomethingSelected(ALL_CHECKS, [SMB], { checks: ['support-plan-business-or-higher'], requirements: ['IAM-002'] })).toThrow(UsageError);
  });
});
