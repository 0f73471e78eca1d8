import { describe, expect, it } from 'vitest';
import { autoAccountBound } from '../../src/collect/scanner.js';
import { configSchema } from '../../src/config/schema.js';

describe('autoAccountBound', () => {
  it('keeps 32 accounts at work at the default in-flight cap', () => {
    // More accounts at once bought no speed and 20-30 MB of peak RSS (docs/performance.md, 2026-12-05).
    expect(autoAccountBound(configSchema.parse({}).concurrency.requestsInFlight)).toBe(32);
  });

  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [6, 2],
    [64, 21],
    [1024, 341],
  ])('gives each account at least three requests in flight: cap %i, %i accounts', (cap, accounts) => {
    expect(autoAccountBound(cap)).toBe(accounts);
  });
});
