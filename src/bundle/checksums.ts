// SHA256SUMS in coreutils format (`<hex>  <path>`), so `sha256sum -c SHA256SUMS` verifies a run
// directory with no tooling of ours.

import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SnapshotError } from '../errors.js';
import { isRunFilePath, readRunFile } from '../snapshot/layout.js';
import { CHECKSUMS_FILE, hashBundle } from './files.js';

/** Hashes every file of the run (except SHA256SUMS and SIGNATURE.json) and writes SHA256SUMS. */
export async function writeChecksums(runDir: string): Promise<Map<string, string>> {
  const hashes = await hashBundle(runDir);
  for (const file of hashes.keys()) {
    // Only names of the run's own grammar: coreutils would escape others, and a reader would refuse them.
    if (!isRunFilePath(file)) throw new SnapshotError(`cannot list ${JSON.stringify(file)} in ${CHECKSUMS_FILE}: not a file a run holds (unusual characters in its name)`);
  }
  const text = [...hashes].map(([file, hash]) => `${hash}  ${file}\n`).join('');
  const target = join(runDir, CHECKSUMS_FILE);
  await writeFile(`${target}.tmp`, text);
  await rename(`${target}.tmp`, target);
  return hashes;
}

/**
 * Reads SHA256SUMS (coreutils text or binary mode lines). Every name must be a plain relative path
 * inside the run, listed once: anything else is refused, naming the line.
 */
export async function readChecksums(runDir: string): Promise<Map<string, string>> {
  const text = await readRunFile(runDir, CHECKSUMS_FILE);
  if (text === undefined) throw new SnapshotError(`${join(runDir, CHECKSUMS_FILE)} not found: this directory is not a verifiable run`);
  const entries = new Map<string, string>();
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) throw new SnapshotError(`${CHECKSUMS_FILE} line ${index + 1} is not "<sha256>  <path>"`);
    const [, hash, file] = match as unknown as [string, string, string];
    if (!isRunFilePath(file)) throw new SnapshotError(`${CHECKSUMS_FILE} line ${index + 1}: ${JSON.stringify(file).slice(0, 80)} is not a path inside the run`);
    if (entries.has(file)) throw new SnapshotError(`${CHECKSUMS_FILE} line ${index + 1}: ${file} is listed twice`);
    entries.set(file, hash);
  }
  return entries;
}
