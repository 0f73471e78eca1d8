// Loads and checks an attestations file against the checklist the scan uses.

import { findRequirement } from '../catalog/index.js';
import type { Checklist } from '../contract/checklists/types.js';
import { errorAt, readYamlFile, validate } from '../config/load.js';
import { attestationsFileSchema } from './schema.js';
import type { AttestationSet } from './types.js';

export async function loadAttestations(file: string, checklist: Checklist): Promise<AttestationSet> {
  const src = await readYamlFile(file);
  const parsed = validate(src, attestationsFileSchema);
  const [fileChecklist] = parsed.checklist.split('@');
  if (fileChecklist !== checklist.id) {
    throw errorAt(src, ['checklist'], `written for "${parsed.checklist}", but this run uses "${checklist.id}" (requirement IDs differ between checklists)`);
  }
  for (const id of Object.keys(parsed.requirements)) {
    if (!findRequirement(checklist, id)) {
      throw errorAt(src, ['requirements', id], `not a requirement of ${checklist.id}@${checklist.version}`);
    }
  }
  return new Map(Object.entries(parsed.requirements));
}
