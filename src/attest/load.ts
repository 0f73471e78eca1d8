// Loads attestations files and checks them against the scan's checklists and checks. Requirement
// statements belong to one checklist; exceptions name checks, so they apply under every checklist.

import { closestId } from '../catalog/closest.js';
import { findRequirement } from '../catalog/index.js';
import type { Checklist } from '../contract/checklists/types.js';
import { errorAt, readYamlFile, validate, type YamlSource } from '../config/load.js';
import { attestationsFileSchema, type Attestation, type FindingException } from './schema.js';
import type { PartnerStatements } from './types.js';

type Parsed = ReturnType<typeof attestationsFileSchema.parse>;

export interface StatementContext {
  checklists: readonly Checklist[];
  checkIds: readonly string[];
}

export async function loadStatements(files: readonly string[], context: StatementContext): Promise<PartnerStatements> {
  const attestations = new Map<string, Map<string, Attestation[]>>();
  const attestedIn = new Map<string, string>();
  const exceptions: FindingException[] = [];
  for (const file of files) {
    const src = await readYamlFile(file);
    const parsed = validate(src, attestationsFileSchema);
    checkExceptions(src, parsed, context.checkIds);
    exceptions.push(...parsed.exceptions);
    if (parsed.checklist === undefined) continue;
    const checklist = checklistOf(src, parsed.checklist, context.checklists);
    const set = attestations.get(checklist.id) ?? new Map<string, Attestation[]>();
    for (const [id, value] of Object.entries(parsed.requirements)) {
      const key = `${checklist.id}/${id}`;
      if (attestedIn.has(key)) throw errorAt(src, ['requirements', id], `already attested in ${attestedIn.get(key)}`);
      attestedIn.set(key, file);
      set.set(id, checkStatements(src, checklist, id, Array.isArray(value) ? value : [value]));
    }
    attestations.set(checklist.id, set);
  }
  return { attestations, exceptions };
}

function checklistOf(src: YamlSource, written: string, checklists: readonly Checklist[]): Checklist {
  const [id] = written.split('@');
  const found = checklists.find((c) => c.id === id);
  if (found) return found;
  const used = checklists.map((c) => `"${c.id}"`).join(', ');
  throw errorAt(src, ['checklist'], `written for "${written}", but this run uses ${used} (requirement IDs differ between checklists)`);
}

function checkStatements(src: YamlSource, checklist: Checklist, id: string, statements: Attestation[]): Attestation[] {
  const requirement = findRequirement(checklist, id);
  if (!requirement) throw errorAt(src, ['requirements', id], `not a requirement of ${checklist.id}@${checklist.version}`);
  if (requirement.scope === 'partner' && statements.some((s) => s.accounts)) {
    throw errorAt(src, ['requirements', id], 'is judged once for the partner, so its attestation cannot be limited to accounts');
  }
  if (statements.filter((s) => !s.accounts).length > 1) {
    throw errorAt(src, ['requirements', id], 'has more than one statement without accounts; limit all but one to accounts');
  }
  return statements;
}

function checkExceptions(src: YamlSource, parsed: Parsed, checkIds: readonly string[]): void {
  parsed.exceptions.forEach((exception, index) => {
    if (checkIds.includes(exception.check)) return;
    const near = closestId(exception.check, checkIds, Math.max(2, Math.floor(exception.check.length / 3)));
    throw errorAt(src, ['exceptions', index, 'check'], `no check "${exception.check}"${near ? `; did you mean "${near}"?` : ''}`);
  });
}
