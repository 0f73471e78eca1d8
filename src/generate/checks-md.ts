// docs/checks.md, generated from the check metadata and the catalog so it cannot drift.

import { checksCovering, evidenceSources, requirementIdsOf } from '../catalog/coverage.js';
import { listChecklists } from '../catalog/index.js';
import type { Checklist, Requirement } from '../contract/checklists/types.js';
import { checkActions, type AnyCheck } from '../contract/check.js';
import { REGENERATE_COMMAND } from '../regenerate.js';
import { routingSamplesSection } from './samples-md.js';

export function renderChecksMarkdown(
  checks: readonly AnyCheck[],
  checklists: readonly Checklist[] = listChecklists(),
): string {
  const sorted = [...checks].sort((a, b) => a.id.localeCompare(b.id));
  return [
    '# Checks',
    `<!-- Generated from the check metadata by \`${REGENERATE_COMMAND}\`. Do not edit by hand. -->`,
    'Every automated check, the checklist requirements it maps to, the evidence it reads and the IAM actions it needs. ' +
      'Requirement IDs are checklist-specific. `partner-audit explain <id>` prints the same metadata.',
    summaryTable(sorted, checklists),
    ...checklists.map((l) => coverage(l, sorted)),
    ...sorted.map((c) => checkSection(c, checklists)),
    routingSamplesSection(),
  ].join('\n\n') + '\n';
}

function summaryTable(checks: readonly AnyCheck[], checklists: readonly Checklist[]): string {
  const header = ['Check', 'Severity', ...checklists.map(label)];
  const rows = checks.map((c) => [`[\`${c.id}\`](#${c.id})`, c.severity, ...checklists.map((l) => requirementIdsOf(c, l).join(', ') || '–')]);
  return table(header, rows);
}

function coverage(checklist: Checklist, checks: readonly AnyCheck[]): string {
  const automated = checklist.requirements.filter((r) => r.automation !== 'manual');
  const judged = (r: Requirement) => (r.scope === 'partner' ? 'partner' : 'account');
  const rows = automated.map((r) => [r.id, cell(r.title), r.automation, judged(r), checksCovering(checks, checklist, r.id).map((c) => `\`${c.id}\``).join(', ') || '–']);
  const manual = checklist.requirements.length - automated.length;
  const partnerLevel = checklist.requirements.filter((r) => r.scope === 'partner').map((r) => r.id);
  return [
    `## Coverage of ${label(checklist)}`,
    `${automated.length} of ${checklist.requirements.length} requirements are checked automatically, fully or in part; the other ${manual} are attested by the partner (see docs/attestations.md).`,
    table(['Requirement', 'Title', 'Automation', 'Judged', 'Checks'], rows),
    `Judged once for the partner rather than per account (${partnerLevel.length}): ${partnerLevel.join(', ')}.`,
  ].join('\n\n');
}

function checkSection(check: AnyCheck, checklists: readonly Checklist[]): string {
  const requirements = checklists
    .filter((l) => requirementIdsOf(check, l).length > 0)
    .map((l) => `${label(l)}: ${requirementIdsOf(check, l).join(', ')}`);
  const evidence = evidenceSources(check).map((e) => `\`${e.collector}\`${e.optional ? ' (when available)' : ''}`);
  const samples = (check.asks ?? []).flatMap((a) => a.questions).map((q) => `\`${q}\``);
  return [
    `## ${check.id}`,
    `**${check.title}**`,
    check.description,
    [
      `- Requirements: ${requirements.join('; ') || 'none'}`,
      `- Severity: ${check.severity}; scope: ${check.scope}`,
      `- Evidence sources: ${evidence.join(', ')}`,
      `- IAM actions: ${checkActions(check).map((a) => `\`${a}\``).join(', ')}`,
      ...(samples.length ? [`- Sample events (see Routing sample events): ${samples.join(', ')}`] : []),
      `- Remediation: ${check.remediation}`,
      `- Documentation: ${check.docsUrl}`,
    ].join('\n'),
  ].join('\n\n');
}

function label(checklist: Checklist): string {
  return `${checklist.id}@${checklist.version}`;
}

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}
