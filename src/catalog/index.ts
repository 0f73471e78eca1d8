// Every checklist the tool knows, newest release first per id.

import { UsageError } from '../errors.js';
import { closestId } from './closest.js';
import { ftrPartnerHosted202602 } from '../contract/checklists/ftr-partner-hosted-2026-02.js';
import { smbCompetency202508 } from '../contract/checklists/smb-competency-2025-08.js';
import type { Checklist, Requirement } from '../contract/checklists/types.js';
import { byCodeUnit } from '../contract/order.js';

export const DEFAULT_CHECKLIST = 'smb-competency';

const CHECKLISTS: readonly Checklist[] = [smbCompetency202508, ftrPartnerHosted202602];

export function listChecklists(): readonly Checklist[] {
  return CHECKLISTS;
}

/** `id` (newest release) or `id@version`; an unknown one is a usage error naming the known ones. */
export function getChecklist(idOrIdAtVersion: string = DEFAULT_CHECKLIST): Checklist {
  const [id, version] = idOrIdAtVersion.split('@');
  const releases = CHECKLISTS.filter((c) => c.id === id).sort((a, b) => byCodeUnit(b.version, a.version));
  const found = version === undefined ? releases[0] : releases.find((c) => c.version === version);
  if (!found) {
    const known = CHECKLISTS.map((c) => `${c.id}@${c.version}`).join(', ');
    // A misspelt id gets the nearest one; an unknown version or another checklist altogether ("pci") only the list.
    const hint = releases.length === 0 ? closestId(id ?? '', [...new Set(CHECKLISTS.map((c) => c.id))], 3) : undefined;
    throw new UsageError(`unknown checklist "${idOrIdAtVersion}"${hint ? ` (did you mean ${hint}?)` : ''}; known checklists: ${known}`);
  }
  return found;
}

/** One or several checklists (`a,b` or a list), the first being the run's primary; each at most once. */
export function getChecklists(ids: string | readonly string[]): Checklist[] {
  const checklists = (typeof ids === 'string' ? [ids] : ids).map((id) => getChecklist(id));
  const twice = checklists.find((c, i) => checklists.findIndex((other) => other.id === c.id) !== i);
  if (twice) throw new UsageError(`checklist "${twice.id}" is named twice`);
  return checklists;
}

export function findRequirement(checklist: Checklist, requirementId: string): Requirement | undefined {
  return checklist.requirements.find((r) => r.id === requirementId);
}
