import { describe, expect, it } from 'vitest';
import { loadStatements } from '../../src/attest/load.js';
import { getChecklist } from '../../src/catalog/index.js';
import { loadConfig } from '../../src/config/load.js';
import { ALL_CHECKS } from '../../checks/index.js';

describe('examples/partner-audit.yaml', () => {
  it('is a valid config whose values reach the schema', async () => {
    const config = await loadConfig('examples/partner-audit.yaml');
    expect(config.organization).toMatchObject({ enabled: true, includeTags: { Environment: 'production' } });
    expect(config.settings.iam.partnerCidrs).toEqual(['203.0.113.0/24']);
    expect(config.settings.ftr).toEqual({ rootUseWindowDays: 90, maxKeyAgeDays: 90, staleIdentityDays: 90, staleRoleDays: 180 });
    expect(config.company.emailDomains).toEqual(['example.com']);
    expect(config.production).toEqual({ accounts: [], accountTags: { Environment: 'production' }, regions: ['eu-west-1', 'us-east-1'] });
    expect(config.attestations?.[0]).toMatch(/examples\/attestations\.yaml$/);
  });
});

describe('examples/attestations.yaml', () => {
  it('loads for the SMB checklist with a statement limited by tag and an exception', async () => {
    const statements = await loadStatements(['examples/attestations.yaml'], { checklists: [getChecklist('smb-competency')], checkIds: ALL_CHECKS.map((c) => c.id) });
    expect(statements.attestations.get('smb-competency')?.get('SUP-001')?.[0]?.accounts).toEqual(['Environment=sandbox']);
    expect(statements.exceptions).toHaveLength(1);
  });
});
