import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseShard, shardAccounts, shardOf } from '../../src/bookkeeping/shard.js';

const accounts = Array.from({ length: 200 }, (_, i) => String(100000000000 + i * 7919));

describe('shardAccounts', () => {
  it('splits the accounts into disjoint shards that together are the whole list', () => {
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, i) => shardAccounts(accounts, i + 1, count));
      const all = shards.flat();
      expect(all).toHaveLength(accounts.length);
      expect(new Set(all).size).toBe(accounts.length);
      expect([...all].sort()).toEqual([...accounts].sort());
    }
  });

  it('is deterministic: independent of input order and duplicates, sorted output', () => {
    const shuffled = [...accounts].reverse().concat(accounts.slice(0, 5));
    for (let i = 1; i <= 4; i++) {
      const a = shardAccounts(accounts, i, 4);
      expect(shardAccounts(shuffled, i, 4)).toEqual(a);
      expect(a).toEqual([...a].sort());
    }
  });

  it('keeps an account in its shard when other accounts join or leave', () => {
    const fewer = accounts.filter((_, i) => i % 3 !== 0);
    for (let i = 1; i <= 5; i++) {
      expect(shardAccounts(fewer, i, 5)).toEqual(shardAccounts(accounts, i, 5).filter((id) => fewer.includes(id)));
    }
  });

  it('pins the hash: SHA-256 of the account ID, first 4 bytes, mod n, plus one', () => {
    // sha256("111111111111") starts with 0xa18ac4e6 = 2710225126; pinned so a change of hash is noticed.
    expect(shardOf('111111111111', 1)).toBe(1);
    expect([2, 3, 4, 5].map((n) => shardOf('111111111111', n))).toEqual([1, 3, 3, 1]);
  });

  it('spreads 200 accounts over 4 shards without an empty or lopsided shard', () => {
    const sizes = [1, 2, 3, 4].map((i) => shardAccounts(accounts, i, 4).length);
    for (const size of sizes) expect(size).toBeGreaterThan(25);
  });
});

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 4/4 ', { index: 4, count: 4 }],
  ])('%s', (text, expected) => expect(parseShard(text)).toEqual(expected));

  it.each(['0/4', '5/4', '1/0', 'a/b', '1-4', '', '1/4/5'])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
});
