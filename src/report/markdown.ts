// summary.md: the scan in a form that pastes into a pull request, a ticket or a wiki page.
// Every piece of data passes through mdText(), which neutralizes Markdown and HTML and escapes
// the pipes that would split a table cell.

import type { Finding, RequirementResult, Results } from '../contract/results.js';
import type { RequirementStatus } from '../contract/status.js';
import { coverageOf } from './html/coverage.js';
import { diffAgainstBaseline } from './html/diff.js';
import { formatTime, listSome, plural } from './html/format.js';
import { STATUS_LABEL, STATUS_MEANING, STATUS_ORDER, countStatuses } from './html/status.js';
import { incompleteNote, rerenderNote } from './notes.js';
import { worstStatus } from './status.js';
import type { Reporter, ReportInput } from './types.js';

/** Beyond this many accounts the matrix shows status counts per requirement instead of one column per account. */
export const MAX_MATRIX_ACCOUNTS = 12;
/** Findings listed per section; the rest are counted and left to report.html. */
export const MAX_FINDINGS_LISTED = 100;

export const markdownReporter: Reporter = {
  format: 'markdown',
  fileName: 'summary.md',
  render: async (input) => renderMarkdownSummary(input),
};

export function renderMarkdownSummary(input: ReportInput): string {
  const sections = [
    header(input),
    matrix(input),
    legend(),
    changes(input),
    findingList('Failing findings', input.results.findings.filter((f) => f.status === 'FAIL')),
    findingList('Could not be checked', input.results.findings.filter((f) => f.status === 'ERROR')),
    manualOutstanding(input),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

/** Text safe in a table cell and in running text: no Markdown, no HTML, no cell breaks. */
export function mdText(value: string): string {
  return value.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, (ch) => `\\${ch}`);
}

function label(status: RequirementStatus): string {
  const word = STATUS_LABEL[status];
  return status === 'FAIL' || status === 'ERROR' ? `**${word}**` : word;
}

function header({ results, manifest, checklist, rerender }: ReportInput): string {
  const coverage = coverageOf(results, manifest);
  const { SCANNED, PARTIAL, ERROR } = coverage.accounts;
  const caller = results.callerIdentity ?? manifest.callerIdentity;
  const facts = [
    `**${mdText(results.deploymentModel)}** model`,
    `scanned ${mdText(formatTime(results.startedAt))} to ${mdText(formatTime(results.finishedAt))}`,
    `${mdText(results.tool.name)} ${mdText(results.tool.version)}`,
    caller ? `as ${mdText(caller.arn)}` : 'caller not recorded',
    `${plural(SCANNED + PARTIAL + ERROR, 'account')} (${SCANNED} scanned, ${PARTIAL} partial, ${ERROR} failed)`,
    plural(coverage.regions.length, 'region'),
  ];
  const counts = countStatuses(results.requirements.map((r) => r.status));
  const totals = STATUS_ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${label(s)}`);
  const lines = [
    `# ${mdText(checklist.title)} (${mdText(checklist.id)} ${mdText(checklist.version)})`,
    '',
    facts.join(' · '),
  ];
  const incomplete = incompleteNote(manifest);
  if (incomplete) lines.push('', `> **Incomplete scan:** ${mdText(incomplete)}`);
  if (rerender) {
    const note = rerenderNote(rerender);
    lines.push('', `> **${mdText(note.headline)}**`, ...note.details.map((d) => `> - ${mdText(d)}`));
  }
  lines.push('', `Requirement results: ${totals.join(' · ') || 'none'}`);
  return lines.join('\n');
}

function statusIndex(results: Results): Map<string, RequirementResult> {
  return new Map(results.requirements.map((r) => [`${r.requirementId}\u0000${r.accountId}`, r]));
}

/** Requirement IDs in checklist order, then any the results name that the checklist lacks. */
function requirementIds({ results, checklist }: ReportInput): string[] {
  return [...new Set([...checklist.requirements.map((r) => r.id), ...results.requirements.map((r) => r.requirementId)])];
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function matrix(input: ReportInput): string {
  const { results, checklist } = input;
  const titles = new Map(checklist.requirements.map((r) => [r.id, r.title]));
  const ids = requirementIds(input);
  const byKey = statusIndex(results);
  const statusesOf = (id: string) => results.accounts.map((a) => byKey.get(`${id}\u0000${a.accountId}`)?.status);
  const requirementCell = (id: string) => `${mdText(id)} ${mdText(titles.get(id) ?? '')}`.trim();
  const overall = (id: string) => {
    const worst = worstStatus(statusesOf(id).filter((s) => s !== undefined));
    return worst ? label(worst) : '—';
  };
  if (results.accounts.length <= MAX_MATRIX_ACCOUNTS) {
    const head = ['Requirement', 'Overall', ...results.accounts.map((a) => mdText(a.name ? `${a.name} (${a.accountId})` : a.accountId))];
    const rows = ids.map((id) => [requirementCell(id), overall(id), ...statusesOf(id).map((s) => (s ? label(s) : '—'))]);
    return `## Requirements × accounts\n\n${table(head, rows)}`;
  }
  const rows = ids.map((id) => {
    const counts = countStatuses(statusesOf(id).filter((s) => s !== undefined));
    return [requirementCell(id), overall(id), ...STATUS_ORDER.map((s) => String(counts.get(s) ?? 0))];
  });
  return [
    '## Requirements × accounts',
    '',
    `${results.accounts.length} accounts are too many for one column each; counts of accounts per status follow. report.html has the full matrix.`,
    '',
    table(['Requirement', 'Overall', ...STATUS_ORDER.map(label)], rows),
  ].join('\n');
}

function legend(): string {
  const items = STATUS_ORDER.map((s) => `${label(s)} ${STATUS_MEANING[s]}`);
  return `Legend: ${[...items, '— no result'].join(' · ')}. Overall is the worst status across accounts.`;
}

function changes({ results, baseline }: ReportInput): string {
  if (!baseline) return '';
  const diff = diffAgainstBaseline(results, baseline);
  const grouped = (map: Map<string, string[]>) =>
    map.size ? [...map].map(([id, accounts]) => `${mdText(id)} in ${plural(accounts.length, 'account')} (${mdText(listSome(accounts, 10))})`).join('; ') : 'none';
  const accounts = (ids: string[]) => (ids.length ? mdText(listSome(ids, 10)) : 'none');
  return [
    `## Changes since ${mdText(formatTime(baseline.startedAt))}`,
    '',
    `- Newly failing: ${grouped(diff.newlyFailing)}`,
    `- Fixed: ${grouped(diff.fixed)}`,
    `- New accounts: ${accounts(diff.newAccounts)}`,
    `- Gone accounts: ${accounts(diff.goneAccounts)}`,
    ...(diff.otherChanges.length ? [`- Other status changes: ${diff.otherChanges.length} (see report.html)`] : []),
  ].join('\n');
}

function findingList(title: string, findings: Finding[]): string {
  if (findings.length === 0) return `## ${title}\n\nNone.`;
  const ordered = [...findings].sort((a, b) => Number(a.advisory ?? false) - Number(b.advisory ?? false));
  const rows = ordered.slice(0, MAX_FINDINGS_LISTED).map((f) => [
    mdText(f.requirementIds.join(', ')),
    mdText(f.accountId),
    mdText(f.region),
    mdText(f.resource),
    `${mdText(f.message)}${f.advisory ? ' (advisory)' : ''}`,
  ]);
  const more = findings.length > MAX_FINDINGS_LISTED ? `\n\n…and ${findings.length - MAX_FINDINGS_LISTED} more in report.html.` : '';
  return `## ${title} (${findings.length})\n\n${table(['Requirement', 'Account', 'Region', 'Resource', 'Message'], rows)}${more}`;
}

function manualOutstanding({ results, checklist }: ReportInput): string {
  const outstanding = new Map<string, RequirementResult[]>();
  for (const r of results.requirements) {
    if (r.status === 'MANUAL' || r.attestation?.expired) outstanding.set(r.requirementId, [...(outstanding.get(r.requirementId) ?? []), r]);
  }
  if (outstanding.size === 0) return '## Manual items outstanding\n\nNone: every manual requirement is attested.';
  const catalogue = new Map(checklist.requirements.map((r) => [r.id, r]));
  const rows = [...outstanding].map(([id, pending]) => {
    const requirement = catalogue.get(id);
    const what = requirement?.attest ?? pending.find((r) => r.reason)?.reason ?? '';
    const expired = [...new Set(pending.flatMap((r) => (r.attestation?.expired ? [r.attestation.expires ?? r.attestation.date] : [])))];
    const renew = expired.length ? ` Attestation expired ${expired.join(', ')}; renew it.` : '';
    return [mdText(id), mdText(requirement?.title ?? ''), mdText(listSome(pending.map((r) => r.accountId), 10)), mdText(`${what}${renew}`)];
  });
  return `## Manual items outstanding (${outstanding.size})\n\n${table(['Requirement', 'Title', 'Accounts', 'To attest'], rows)}`;
}
