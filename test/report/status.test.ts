import { describe, expect, it } from 'vitest';
import { REQUIREMENT_STATUSES } from '../../src/contract/status.js';
import { statusRank, worstStatus } from '../../src/report/status.js';

describe('worstStatus', () => {
  it('orders FAIL > ERROR > WARN > MANUAL > PASS = ATTESTED > NOT_APPLICABLE', () => {
    const ranks = ['FAIL', 'ERROR', 'WARN', 'MANUAL', 'PASS', 'NOT_APPLICABLE'].map((s) => statusRank(s as never));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(statusRank('ATTESTED')).toBe(statusRank('PASS'));
  });

  it('ranks every status the model defines', () => {
    for (const status of REQUIREMENT_STATUSES) expect(statusRank(status)).toBeGreaterThan(0);
  });

  it('picks the worst and is undefined for nothing', () => {
    expect(worstStatus(['PASS', 'MANUAL', 'NOT_APPLICABLE'])).toBe('MANUAL');
    expect(worstStatus(['WARN', 'ERROR', 'PASS'])).toBe('ERROR');
    expect(worstStatus(['ERROR', 'FAIL'])).toBe('FAIL');
    expect(worstStatus(['NOT_APPLICABLE', 'ATTESTED'])).toBe('ATTESTED');
    expect(worstStatus([])).toBeUndefined();
  });
});
