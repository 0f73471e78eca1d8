import { describe, expect, it } from 'vitest';
import { byCodeUnit } from '../../src/contract/order.js';

describe('byCodeUnit', () => {
  it.each([
    ['account IDs', ['222222222222', '011111111111', '111111111111']],
    ['ISO 8601 times', ['2026-12-05T10:00:00.000Z', '2025-01-31T23:59:59.999Z', '2026-12-05T09:59:59.999Z']],
    ['checklist releases', ['2026-02', '2025-08']],
  ])('orders %s as localeCompare does', (_kind, values) => {
    expect([...values].sort(byCodeUnit)).toEqual([...values].sort((a, b) => a.localeCompare(b)));
  });

  it('is a total order: 0 only for equal strings', () => {
    expect(byCodeUnit('a', 'a')).toBe(0);
    expect(byCodeUnit('a', 'b')).toBe(-1);
    expect(byCodeUnit('b', 'a')).toBe(1);
  });
});
