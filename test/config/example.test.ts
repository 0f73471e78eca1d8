import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';

describe('examples/partner-audit.yaml', () => {
  it('is a valid config whose values reach the schema', async () => {
    const config = await loadConfig('examples/partner-audit.yaml');
    expect(config.organization).toMatchObject({ enabled: true, includeTags: { Environment: 'production' } });
    expect(config.settings.iam.partnerCidrs).toEqual(['203.0.113.0/24']);
    expect(config.settings.ftr).toEqual({ rootUseWindowDays: 90, maxKeyAgeDays: 90, staleIdentityDays: 90, staleRoleDays: 180 });
    expect(config.company.emailDomains).toEqual(['example.com']);
    expect(config.attestations).toMatch(/examples\/attestations\.yaml$/);
  });
});
