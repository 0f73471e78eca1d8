import { describe, expect, test } from 'vitest';
import type { ManifestAccount } from '../../src/snapshot/manifest.js';
import { manifestText } from '../../src/snapshot/manifest-text.js';
import { manifestFixture } from './fixtures.js';

function account(index: number, name = `account ${index}`): ManifestAccount {
  return {
    accountId: String(100000000000 + index),
    name,
    tags: { team: 'platform', note: 'line one\nline two' },
    status: 'SCANNED',
    regions: ['eu-west-1', 'us-east-1'],
    skippedRegions: [],
    calls: { iam: { requests: 12, retries: 1, throttles: 0, errors: 0 }, ec2: { requests: 40, retries: 0, throttles: 2, errors: 1 } },
    startedAt: '2026-12-03T06:00:00.000Z',
    finishedAt: '2026-12-03T06:00:09.000Z',
  };
}

const many = Array.from({ length: 400 }, (_, i) => account(i));

describe('manifestText', () => {
  test.each([
    ['no accounts', []],
    ['one account', [account(1)]],
    ['a name that looks like the accounts key', [account(2, '\n  "accounts": []'), account(3, 'ünïcödé ✓')]],
    ['enough accounts for several pieces', many],
  ])('writes %s exactly as JSON.stringify(manifest, null, 2)', (_name, accounts) => {
    // selection.accounts is a nested key of the same name, at a deeper indentation.
    const manifest = { ...manifestFixture(), selection: { accounts: [] }, accounts, shard: { index: 1, count: 2 } };
    const pieces = [...manifestText(manifest)];
    expect(pieces.join('')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });

  test('keeps each piece small whatever the organization', () => {
    const pieces = [...manifestText({ ...manifestFixture(), accounts: many })];
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(64 * 1024);
  });
});
