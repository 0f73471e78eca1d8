// Holds the checks and the checklist catalog together.

import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { getChecklist, listChecklists } from '../../src/catalog/index.js';

const smb = getChecklist('smb-competency');

describe.each(listChecklists().map((l) => [`${l.id}@${l.version}`, l] as const))('catalog %s', (_label, checklist) => {
  const ids = checklist.requirements.map((r) => r.id);

  it('has unique requirement IDs', () => {
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(checklist.requirements.map((r) => [r.id, r] as const))('%s has a short title, a section and applies-to', (_id, r) => {
    expect(r.title.length).toBeGreaterThan(5);
    expect(r.title.length).toBeLessThanOrEqual(80);
    expect(r.section).not.toBe('');
    expect(r.appliesTo.length).toBeGreaterThan(0);
    if (r.automation !== 'full') expect(r.attest, 'partial and manual requirements say what to attest').toBeTruthy();
  });

  it('maps every full and partial requirement to at least one check', () => {
    const automated = checklist.requirements.filter((r) => r.automation !== 'manual');
    const uncovered = automated.filter((r) => !ALL_CHECKS.some((c) => checkRequirements(c, checklist.id).includes(r.id)));
    expect(uncovered.map((r) => r.id)).toEqual([]);
  });

  it('has no check mapped to a manual requirement (it would be partial then)', () => {
    const manual = new Set(checklist.requirements.filter((r) => r.automation === 'manual').map((r) => r.id));
    const mapped = ALL_CHECKS.flatMap((c) => checkRequirements(c, checklist.id).filter((id) => manual.has(id)).map((id) => `${c.id} -> ${id}`));
    expect(mapped).toEqual([]);
  });
});

describe('check mappings', () => {
  it('name only known checklists', () => {
    const known = new Set(listChecklists().map((l) => l.id));
    const unknown = ALL_CHECKS.flatMap((c) => Object.keys(c.requirements).filter((id) => !known.has(id)).map((id) => `${c.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('name only requirement IDs that exist in that checklist', () => {
    const missing = ALL_CHECKS.flatMap((c) =>
      Object.entries(c.requirements).flatMap(([list, ids]) =>
        (ids ?? []).filter((id) => !listChecklists().some((l) => l.id === list && l.requirements.some((r) => r.id === id))).map((id) => `${c.id}: ${list} ${id}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('map every check to at least one requirement', () => {
    expect(ALL_CHECKS.filter((c) => Object.values(c.requirements).every((ids) => !ids?.length)).map((c) => c.id)).toEqual([]);
  });
});

describe('SMB Competency 2025-08 catalog', () => {
  const byAutomation = (level: string) => smb.requirements.filter((r) => r.automation === level).map((r) => r.id);
  const onlyFor = (model: string) => smb.requirements.filter((r) => r.appliesTo.length === 1 && r.appliesTo[0] === model).map((r) => r.id);

  it('holds every requirement of the checklist, in its order', () => {
    expect(smb.requirements.map((r) => r.id)).toEqual([
      '1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '3.1', '4.1',
      'SBR-001', 'SBR-002', 'SBR-003', 'SBR-004', 'SSF-001',
      'SUP-001', 'SUP-002',
      'DOC-001', 'DOC-002', 'DOC-003', 'DOC-005', 'DOC-006',
      'IAM-002', 'IAM-005', 'IAM-007',
      'OSSEC-001',
      'SECOPS-001', 'SECOPS-004', 'SECOPS-006', 'SECOPS-007', 'SECOPS-008', 'SECOPS-009', 'SECOPS-011',
      'TI-001', 'TI-002', 'TI-003',
      'AWSAPI-001', 'AWSAPI-002', 'AWSAPI-003', 'AWSAPI-004',
      'REL-001', 'REL-002', 'REL-003', 'REL-004', 'REL-005',
      'PRF-001', 'PRF-002',
      'OPE-001', 'OPE-002', 'OPE-003', 'OPE-004', 'OPE-005', 'OPE-006',
      'UCR-001', 'UCR-002', 'UCR-003', 'UCR-004',
      'PS-001', 'PS-002', 'PS-003', 'PS-004', 'PS-005',
      'CO-001', 'CO-002',
    ]);
  });

  it('pins the automation levels', () => {
    expect(byAutomation('full')).toEqual(['SUP-001', 'SECOPS-011', 'AWSAPI-004']);
    expect(byAutomation('partial')).toEqual([
      'IAM-002', 'IAM-005', 'IAM-007', 'OSSEC-001', 'SECOPS-001', 'SECOPS-004', 'SECOPS-006', 'SECOPS-007', 'SECOPS-008', 'SECOPS-009',
      'REL-001', 'REL-002', 'REL-003', 'REL-004', 'REL-005', 'PRF-001', 'OPE-001',
    ]);
  });

  it('pins applies-to as the checklist states it', () => {
    expect(onlyFor('customer-deployed')).toEqual(['DOC-002', 'AWSAPI-004', 'PS-001']);
    expect(onlyFor('saas')).toEqual([
      'SBR-001', 'SBR-002', 'SBR-003', 'SBR-004', 'SSF-001',
      'IAM-005', 'IAM-007', 'OSSEC-001', 'SECOPS-001', 'SECOPS-007', 'SECOPS-008', 'SECOPS-009', 'SECOPS-011',
      'TI-001', 'TI-002', 'TI-003', 'REL-001', 'REL-002', 'REL-003', 'REL-004', 'REL-005', 'OPE-001', 'OPE-002',
    ]);
    const prerequisites = smb.requirements.filter((r) => /^\d/.test(r.id));
    expect(prerequisites.every((r) => r.appliesTo.length === 2)).toBe(true);
  });

  it('marks the per-customer-example requirements and lets SUP-001 be attested over a failing check', () => {
    expect(smb.requirements.filter((r) => r.perCustomerExample).map((r) => r.id.split('-')[0])).toEqual([
      'UCR', 'UCR', 'UCR', 'UCR', 'PS', 'PS', 'PS', 'PS', 'PS', 'CO', 'CO',
    ]);
    expect(smb.requirements.filter((r) => r.attestationOverridesFail).map((r) => r.id)).toEqual(['SUP-001']);
  });
});

function checkRequirements(check: (typeof ALL_CHECKS)[number], checklistId: string): string[] {
  return (check.requirements as Record<string, string[] | undefined>)[checklistId] ?? [];
}
