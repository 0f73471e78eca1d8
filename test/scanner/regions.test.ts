import { describe, expect, test } from 'vitest';
import { selectRegions } from '../../src/collect/regions.js';

const evidence = {
  regions: [
    { name: 'us-east-1', optInStatus: 'opt-in-not-required' },
    { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
    { name: 'af-south-1', optInStatus: 'opted-in' },
    { name: 'me-south-1', optInStatus: 'not-opted-in' },
  ],
};

describe('selectRegions', () => {
  test('every enabled region; opt-in regions not enabled are skipped with the reason', () => {
    expect(selectRegions(evidence)).toEqual({
      regions: ['af-south-1', 'eu-west-1', 'us-east-1'],
      enabled: ['af-south-1', 'eu-west-1', 'us-east-1'],
      optIn: ['af-south-1'],
      skipped: [{ region: 'me-south-1', reason: 'opt-in region not enabled (not-opted-in)' }],
    });
  });

  test('--regions narrows the scope and is checked against the account', () => {
    const s = selectRegions(evidence, ['eu-west-1', 'me-south-1', 'ap-east-2', 'eu-west-1']);
    expect(s.regions).toEqual(['eu-west-1']);
    expect(s.enabled).toEqual(['af-south-1', 'eu-west-1', 'us-east-1']);
    expect(s.skipped).toEqual([
      { region: 'ap-east-2', reason: 'region not offered to this account' },
      { region: 'me-south-1', reason: 'opt-in region not enabled (not-opted-in)' },
    ]);
  });
});
