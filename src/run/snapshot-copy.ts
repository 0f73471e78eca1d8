// `scan --snapshot`: the evaluated run gets its own directory holding a copy of the snapshot, so the
// evidence bundle is complete and the original snapshot is never modified. Only what the checked
// manifest names is copied, each file checked record by record first: its manifest and the datasets
// file of each account (and of the caller, which holds the organization datasets).

import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { datasetsFile } from '../snapshot/layout.js';
import { DATASETS_DIR, MANIFEST_FILE } from '../snapshot/manifest.js';
import { hasDatasetsFile, readAccountDatasets, readManifest } from '../snapshot/reader.js';
import type { Vocabulary } from '../snapshot/validate.js';

/** Accounts checked and copied at once. */
const ACCOUNTS_AT_ONCE = 4;

/**
 * Copies manifest and datasets of `snapshotDir` into `outDir`, a run directory already opened (new
 * and locked; the pipeline has made sure it is not the snapshot itself).
 */
export async function copySnapshot(snapshotDir: string, outDir: string, vocabulary: Vocabulary): Promise<void> {
  const manifest = await readManifest(snapshotDir, vocabulary);
  const accounts = new Set(manifest.accounts.map((a) => a.accountId));
  if (manifest.callerIdentity) accounts.add(manifest.callerIdentity.accountId);
  await mkdir(join(outDir, DATASETS_DIR), { recursive: true });
  // A few accounts at once: one at a time, the copy of a 1,000-account run waited on the disk a
  // second and more. The first account in order with a bad record is the one reported.
  const limit = pLimit(ACCOUNTS_AT_ONCE);
  const copies = await Promise.allSettled([...accounts].map((accountId) => limit(() => copyAccount(snapshotDir, outDir, accountId, vocabulary))));
  const failed = copies.find((copy) => copy.status === 'rejected');
  if (failed) throw failed.reason;
  await copyFile(join(snapshotDir, MANIFEST_FILE), join(outDir, MANIFEST_FILE));
}

async function copyAccount(snapshotDir: string, outDir: string, accountId: string, vocabulary: Vocabulary): Promise<void> {
  if (!(await hasDatasetsFile(snapshotDir, accountId))) return;
  // Read through the checking reader first, so a bad record is named in the snapshot, not in the copy.
  for await (const _record of readAccountDatasets(snapshotDir, accountId, vocabulary));
  await copyFile(datasetsFile(snapshotDir, accountId), datasetsFile(outDir, accountId));
}
