import { describe, expect, it } from 'vitest';
import { getChecklist, listChecklists } from '../../src/catalog/index.js';
import { UsageError } from '../../src/errors.js';

describe('getChecklist', () => {
  it('defaults to the newest SMB Competency release', () => {
    expect(getChecklist()).toMatchObject({ id: 'smb-competency', version: '2025-08' });
  });

  it('accepts an id or id@version', () => {
    expect(getChecklist('ftr-partner-hosted')).toMatchObject({ id: 'ftr-partner-hosted', version: '2026-02' });
    expect(getChecklist('smb-competency@2025-08').version).toBe('2025-08');
  });

  it('rejects a misspelt id, naming the nearest one and the known checklists', () => {
    expect(() => getChecklist('ftr-partnerhosted')).toThrow(
      new UsageError('unknown checklist "ftr-partnerhosted" (did you mean ftr-partner-hosted?); known checklists: smb-competency@2025-08, ftr-partner-hosted@2026-02'),
    );
  });

  it.each(['pci', 'smb-competency@2024-02', ''])('rejects %j, naming the known checklists', (id) => {
    expect(() => getChecklist(id)).toThrow(
      new UsageError(`unknown checklist "${id}"; known checklists: smb-competency@2025-08, ftr-partner-hosted@2026-02`),
    );
  });

  it('lists every checklist', () => {
    expect(listChecklists().map((l) => `${l.id}@${l.version}`)).toEqual(['smb-competency@2025-08', 'ftr-partner-hosted@2026-02']);
  });
});

describe('FTR Partner Hosted 2026-02 catalog', () => {
  const ftr = getChecklist('ftr-partner-hosted');

  it('holds the prerequisite, the meta items and the 40 technical controls, without the retired ARC-003', () => {
    const ids = ftr.requirements.map((r) => r.id);
    expect(ids).toHaveLength(47);
    expect(ids.slice(0, 7)).toEqual(['1.1', 'CIS', 'GA', 'HOST-001', 'SUP-001', 'WAFR-001', 'WAFR-002']);
    expect(ids).not.toContain('ARC-003');
    expect(ids).toEqual(expect.arrayContaining(['IAM-010', 'IAM-011', 'IAM-012', 'CAA-007', 'RCVP-001', 'RES-007']));
  });

  it('lets no requirement be attested over a failing check: SUP-001\'s check warns below Business Support, and the attested plan settles it', () => {
    expect(ftr.requirements.filter((r) => r.attestationOverridesFail).map((r) => r.id)).toEqual([]);
    expect(ftr.requirements.find((r) => r.id === 'SUP-001')?.automation).toBe('full');
  });

  it('applies every item to partner-hosted (SaaS) solutions', () => {
    expect(ftr.requirements.every((r) => r.appliesTo.join() === 'saas')).toBe(true);
  });
});
