// Listing and hashing the files of a run directory.

import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';
import { fileChunks } from '../snapshot/file-chunks.js';
import { LOCK_FILE, RERENDERS_DIR } from '../snapshot/layout.js';

export const CHECKSUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = 'SIGNATURE.json';

/**
 * What the checksums do not cover: the checksum list itself, the signature over it, the lock of a
 * command at work, and the re-rendered reports, which each carry checksums of their own.
 */
const UNCOVERED = new Set([CHECKSUMS_FILE, SIGNATURE_FILE, LOCK_FILE, RERENDERS_DIR]);

const HASH_CONCURRENCY = 8;

/** Every regular file under `runDir` except the uncovered ones, as sorted `/`-separated relative paths. */
export async function listBundleFiles(runDir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (dir === runDir && UNCOVERED.has(entry.name)) continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(relative(runDir, path).split(sep).join('/'));
    }
  };
  await walk(runDir);
  return files.sort();
}

export async function sha256File(path: string, encoding: 'hex' | 'base64' = 'hex'): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(path)) hash.update(chunk);
  return hash.digest(encoding);
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Relative path → SHA-256 hex of every bundle file. */
export async function hashBundle(runDir: string): Promise<Map<string, string>> {
  const files = await listBundleFiles(runDir);
  const limit = pLimit(HASH_CONCURRENCY);
  const hashes = await Promise.all(files.map((file) => limit(() => sha256File(join(runDir, file)))));
  return new Map(files.map((file, i) => [file, hashes[i]!]));
}
