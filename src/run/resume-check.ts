// Before `scan --resume` touches AWS: the run must be unfinished, its sealed evidence (if it was
// sealed, e.g. after --deadline) intact, and the targets and regions asked for the ones it recorded.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKSUMS_FILE } from '../bundle/files.js';
import { compareWithChecksums, describeDifferences, differs } from '../bundle/verify.js';
import { runVocabulary } from '../collect/vocabulary.js';
import { IntegrityError, UsageError } from '../errors.js';
import type { Manifest, ScanSelection } from '../snapshot/manifest.js';
import { readManifest } from '../snapshot/reader.js';
import { describeSelection } from './options.js';

/** The checklists a run's collection served, as `a, b`. */
function checklistNames(manifest: Pick<Manifest, 'checklist' | 'checklists'>): string {
  return (manifest.checklists ?? [manifest.checklist]).map((c) => c.id).join(', ');
}

export async function assertResumable(dir: string, selection: ScanSelection, checklists: Pick<Manifest, 'checklist' | 'checklists'>, force: boolean): Promise<void> {
  const manifest = await readManifest(dir, runVocabulary());
  if (manifest.complete) {
    throw new UsageError(`${dir} is complete: nothing to resume (to judge it again, scan --snapshot ${dir} --out <new directory>)`);
  }
  if (existsSync(join(dir, CHECKSUMS_FILE))) {
    const comparison = await compareWithChecksums(dir);
    if (differs(comparison)) {
      throw new IntegrityError(`${dir} no longer matches its ${CHECKSUMS_FILE} (${describeDifferences(comparison)}): refusing to resume over modified evidence`);
    }
  }
  if (force) return;
  if (checklistNames(manifest) !== checklistNames(checklists)) {
    throw new UsageError(`${dir} collects evidence for ${checklistNames(manifest)}, not ${checklistNames(checklists)}: resume with the same --checklist, or pass --force`);
  }
  if (!manifest.selection) {
    throw new UsageError(`${dir} does not record the targets and regions it was asked for; pass --force to resume it with ${describeSelection(selection)}`);
  }
  if (JSON.stringify(manifest.selection) !== JSON.stringify(selection)) {
    throw new UsageError(
      `${dir} was started with ${describeSelection(manifest.selection)}, not ${describeSelection(selection)}: ` +
        "resume with the same targets and regions, or pass --force (the run's own accounts are finished, in the regions asked for now)",
    );
  }
}
