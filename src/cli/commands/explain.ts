// `partner-audit explain <id>`: a check's or a requirement's full metadata.

import type { Command } from '../../vendor/commander.js';
import { closestId } from '../../catalog/closest.js';
import { describeCheck, describeRequirement, renderCheck, renderRequirement } from '../../catalog/describe.js';
import { findRequirement, getChecklist, listChecklists } from '../../catalog/index.js';
import type { Checklist } from '../../contract/checklists/types.js';
import type { AnyCheck } from '../../contract/check.js';
import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';

interface ExplainOptions {
  checklist?: string;
  json?: boolean;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('explain')
    .description('Show the full metadata of a check or of a checklist requirement.')
    .argument('<id>', `a check id (e.g. ${context.checks[0]?.id}) or a requirement ID (e.g. ${exampleRequirementId()})`)
    .option('--checklist <id>', 'look requirement IDs up in this checklist only (default: every checklist)')
    .option('--json', 'print a JSON array of the matching check or requirements')
    .addHelpText('after', '\nRequirement IDs are checklist-specific: the same ID can name different controls in the SMB and FTR checklists.')
    .action((id: string, options: ExplainOptions) => {
      process.stdout.write(explain(id, context.checks, options));
    });
}

/** An automated requirement of the default checklist, as an example in --help. */
function exampleRequirementId(): string | undefined {
  return getChecklist().requirements.find((r) => r.automation !== 'manual')?.id;
}

export function explain(id: string, checks: readonly AnyCheck[], options: ExplainOptions): string {
  const checklists = options.checklist ? [getChecklist(options.checklist)] : [...listChecklists()];
  const check = checks.find((c) => c.id === id.toLowerCase());
  if (check) return options.json ? json([describeCheck(check, checklists)]) : renderCheck(check, checklists);
  const matches = checklists.flatMap((list) => {
    const requirement = findRequirement(list, id.toUpperCase());
    return requirement ? [{ list, requirement }] : [];
  });
  if (matches.length === 0) throw unknownId(id, checks, checklists);
  if (options.json) return json(matches.map((m) => describeRequirement(m.requirement, m.list, checks)));
  return matches.map((m) => renderRequirement(m.requirement, m.list, checks)).join('\n');
}

function unknownId(id: string, checks: readonly AnyCheck[], checklists: readonly Checklist[]): UsageError {
  const known = [...checks.map((c) => c.id), ...checklists.flatMap((l) => l.requirements.map((r) => r.id))];
  const suggestion = closestId(id, known);
  return new UsageError(`unknown check or requirement "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
