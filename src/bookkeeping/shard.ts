// Deterministic sharding of the account list for `--shard i/n`.
// An account belongs to shard 1 + (first 4 bytes of SHA-256(accountId) as big-endian uint32) mod n.
// Hashing (rather than cutting the sorted list) keeps each account in the same shard when accounts
// join or leave the organization, so every shard's previous run stays a valid baseline.

import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based: shards are 1/n … n/n. */
  index: number;
  count: number;
}

/** `--shard 2/4` → { index: 2, count: 4 }. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  return checkedShard(Number(match?.[1]), Number(match?.[2]), text);
}

function checkedShard(index: number, count: number, shown: string): Shard {
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be i/n with 1 <= i <= n, e.g. 2/4 (got "${shown}")`);
  }
  return { index, count };
}

export function shardOf(accountId: string, count: number): number {
  return 1 + (createHash('sha256').update(accountId).digest().readUInt32BE(0) % count);
}

/** The accounts of shard `index` of `count`, sorted and without duplicates. */
export function shardAccounts(accountIds: readonly string[], index: number, count: number): string[] {
  checkedShard(index, count, `${index}/${count}`);
  return [...new Set(accountIds)].sort().filter((id) => shardOf(id, count) === index);
}
