// `scan --snapshot`: the evaluated run gets its own directory holding a copy of the snapshot, so the
// evidence bundle is complete and the original snapshot is never modified.

import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SnapshotError, UsageError } from '../errors.js';
import { DATASETS_DIR, MANIFEST_FILE } from '../snapshot/manifest.js';
import { readManifest } from '../snapshot/reader.js';

/** Copies manifest and datasets of `snapshotDir` into `outDir` (a new, empty or earlier run directory). */
export async function copySnapshot(snapshotDir: string, outDir: string): Promise<void> {
  if (resolve(snapshotDir) === resolve(outDir)) {
    throw new UsageError('--out must differ from --snapshot: the snapshot is evidence and is never modified');
  }
  await readManifest(snapshotDir);
  await prepareOutDir(outDir);
  await cp(join(snapshotDir, MANIFEST_FILE), join(outDir, MANIFEST_FILE));
  const datasets = join(snapshotDir, DATASETS_DIR);
  if (!existsSync(datasets)) throw new SnapshotError(`${snapshotDir} has no ${DATASETS_DIR}/ folder`);
  await cp(datasets, join(outDir, DATASETS_DIR), { recursive: true });
}

/** Accepts a missing or empty directory, or one holding an earlier run (which is replaced). */
async function prepareOutDir(outDir: string): Promise<void> {
  if (!existsSync(outDir)) {
    await mkdir(outDir, { recursive: true });
    return;
  }
  const entries = await readdir(outDir);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_FILE)) {
    throw new UsageError(`${outDir} is not empty and holds no partner-audit run; choose another --out`);
  }
  await Promise.all(entries.map((entry) => rm(join(outDir, entry), { recursive: true, force: true })));
}
