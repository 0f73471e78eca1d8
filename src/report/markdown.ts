// summary.md: the scan in a form that pastes into a pull request, a ticket or a wiki page.
// Every piece of data passes through mdText(), which neutralizes Markdown and HTML and escapes
// the pipes that would split a table cell.

import type { Finding, RequirementResult, ResultsHead } from '../contract/results.js';
import { FirstMatches, requirementResultIndex, rowKey, rowSubject } from './findings.js';
import { countingNote, problemsToFixFirst, verdictLine, verdictOf, type Problem } from './priorities.js';
import type { RequirementStatus } from '../contract/status.js';
import { coverageOf } from './html/coverage.js';
import { diffAgainstBaseline } from './html/diff.js';
import { formatTime, listSome, plural } from './html/format.js';
import { STATUS_MEANING, STATUS_ORDER, countStatuses } from './html/status.js';
import { incompleteNote, rerenderNote } from './notes.js';
import { viewNote } from './view.js';
import { describeProduction } from '../engine/production.js';
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

export async function renderMarkdownSummary(input: ReportInput): Promise<string> {
  const open = (f: Finding) => !f.advisory && !(f.exception && !f.exception.expired);
  const failing = new FirstMatches<Finding>(MAX_FINDINGS_LISTED, (f) => f.status === 'FAIL' && open(f));
  // Evidence that could not be read is fixed by access, not by the check's remediation.
  const unchecked = new FirstMatches<Finding>(MAX_FINDINGS_LISTED, (f) => f.status === 'ERROR' && !f.advisory);
  for await (const finding of input.findings.each()) {
    failing.offer(finding);
    unchecked.offer(finding);
  }
  const remediation = new Map(input.checks.map((c) => [c.id, c.remediation]));
  const sections = [
    header(input),
    fixFirst(await problemsToFixFirst(input)),
    matrix(input),
    partnerLevel(input),
    legend(input.results, input.findings.count),
    changes(input),
    findingList('Failing findings', failing, remediation),
    findingList('Could not be checked', unchecked),
    exceptions(input.results),
    manualOutstanding(input),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

/** Text safe in a table cell and in running text: no Markdown, no HTML, no cell breaks. */
export function mdText(value: string): string {
  return value.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, (ch) => `\\${ch}`);
}

function label(status: RequirementStatus): string {
  return status === 'FAIL' || status === 'ERROR' ? `**${status}**` : status;
}

function header({ results, manifest, checklist, rerender, view, otherChecklists = [] }: ReportInput): string {
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
    ...(results.production ? [`production: ${mdText(describeProduction(results.production))}`] : []),
  ];
  const counts = countStatuses(results.requirements.map((r) => r.status));
  const totals = STATUS_ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${label(s)}`);
  const lines = [
    `# ${mdText(checklist.title)} (${mdText(checklist.id)} ${mdText(checklist.version)})`,
    '',
    facts.join(' · '),
  ];
  const others = otherChecklists;
  if (others.length) lines.push('', `The same scan also judged ${others.map((o) => `[${mdText(o.id)}](${o.folder}/summary.md)`).join(', ')}.`);
  const incomplete = incompleteNote(manifest);
  if (incomplete) lines.push('', `> **Incomplete scan:** ${mdText(incomplete)}`);
  if (rerender) {
    const note = rerenderNote(rerender);
    lines.push('', `> **${mdText(note.headline)}**`, ...note.details.map((d) => `> - ${mdText(d)}`));
  }
  const filtered = viewNote(view, results.selection);
  if (filtered) lines.push('', `> **${mdText(filtered)}**`);
  lines.push('', `**${mdText(verdictLine(verdictOf({ results, checklist })))}**`);
  lines.push('', `Requirement rows: ${totals.join(' · ') || 'none'}`);
  return lines.join('\n');
}

function fixFirst(problems: Problem[]): string {
  if (problems.length === 0) return '## Fix first\n\nNothing fails and nothing was left unchecked.';
  const rows = problems.map((p) => [
    `${mdText(p.requirement.id)} ${mdText(p.requirement.title)}`,
    label(p.status),
    p.severity,
    mdText(listSome(p.subjects, 5)),
    mdText(p.reason),
  ]);
  return `## Fix first (${problems.length})\n\n${table(['Requirement', 'Status', 'Severity', 'Where', 'Why'], rows)}`;
}

function partnerLevel({ results, checklist }: ReportInput): string {
  const rows = results.requirements.filter((r) => r.scope === 'partner');
  if (rows.length === 0) return '';
  const titles = new Map(checklist.requirements.map((r) => [r.id, r.title]));
  const body = rows.map((r) => [`${mdText(r.requirementId)} ${mdText(titles.get(r.requirementId) ?? '')}`.trim(), label(r.status), mdText(r.reason ?? '')]);
  return `## Partner-level requirements (${rows.length})\n\nJudged once for the partner, not per account.\n\n${table(['Requirement', 'Status', 'Why'], body)}`;
}

/** Account-level requirement IDs in checklist order, then any account rows name that the checklist lacks. */
function accountRequirementIds({ results, checklist }: ReportInput): string[] {
  const accountRows = results.requirements.filter((r) => r.scope === 'account');
  return [...new Set([...checklist.requirements.filter((r) => r.scope === 'account').map((r) => r.id), ...accountRows.map((r) => r.requirementId)])];
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function matrix(input: ReportInput): string {
  const { results, checklist } = input;
  const titles = new Map(checklist.requirements.map((r) => [r.id, r.title]));
  const byKey = requirementResultIndex(results.requirements);
  const statusesOf = (id: string) => results.accounts.map((a) => byKey.get(rowKey(id, a.accountId))?.status);
  const worstOf = (id: string) => worstStatus(statusesOf(id).filter((s) => s !== undefined));
  const settled = (id: string) => { const worst = worstOf(id); return worst === 'PASS' || worst === 'ATTESTED' || worst === 'NOT_APPLICABLE'; };
  const all = accountRequirementIds(input);
  const ids = all.filter((id) => !settled(id));
  const met = all.filter(settled);
  const metNote = met.length ? `\n\nMet, attested or not applicable in every account: ${mdText(met.join(', '))}.` : '';
  const requirementCell = (id: string) => `${mdText(id)} ${mdText(titles.get(id) ?? '')}`.trim();
  const overall = (id: string) => {
    const worst = worstOf(id);
    return worst ? label(worst) : '—';
  };
  if (results.accounts.length <= MAX_MATRIX_ACCOUNTS) {
    const head = ['Requirement', 'Overall', ...results.accounts.map((a) => mdText(a.name ? `${a.name} (${a.accountId})` : a.accountId))];
    const rows = ids.map((id) => [requirementCell(id), overall(id), ...statusesOf(id).map((s) => (s ? label(s) : '—'))]);
    return `## Account-level requirements needing attention\n\n${table(head, rows)}${metNote}`;
  }
  const rows = ids.map((id) => {
    const counts = countStatuses(statusesOf(id).filter((s) => s !== undefined));
    return [requirementCell(id), overall(id), ...STATUS_ORDER.map((s) => String(counts.get(s) ?? 0))];
  });
  return [
    '## Account-level requirements needing attention',
    '',
    `${results.accounts.length} accounts are too many for one column each; counts of accounts per status follow. report.html has the full matrix.`,
    '',
    table(['Requirement', 'Overall', ...STATUS_ORDER.map(label)], rows),
  ].join('\n') + metNote;
}

function legend(results: ResultsHead, findingCount: number): string {
  const items = STATUS_ORDER.map((s) => `${label(s)} ${STATUS_MEANING[s]}`);
  return `Legend: ${[...items, '— no result'].join(' · ')}. Overall is the worst status across accounts.\n\n${mdText(countingNote(results, findingCount))}`;
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

/** Advisory findings and findings under a live exception do not decide a requirement, so they are not listed here. */
function findingList(title: string, findings: FirstMatches<Finding>, remediation?: ReadonlyMap<string, string>): string {
  if (findings.total === 0) return `## ${title}\n\nNone.`;
  const rows = findings.shown.map((f) => [
    mdText(f.requirementIds.join(', ')),
    mdText(f.accountId),
    mdText(f.region),
    mdText(f.resource),
    `${mdText(f.message)}${f.exception ? ` (exception expired ${mdText(f.exception.expires)})` : ''}`,
    ...(remediation ? [mdText(remediation.get(f.checkId) ?? '')] : []),
  ]);
  const head = ['Requirement', 'Account', 'Region', 'Resource', 'Message', ...(remediation ? ['Remediation'] : [])];
  const more = findings.total > findings.shown.length ? `\n\n…and ${findings.total - findings.shown.length} more in report.html.` : '';
  return `## ${title} (${findings.total})\n\n${table(head, rows)}${more}`;
}

function exceptions(results: ResultsHead): string {
  if (results.exceptions.length === 0) return '';
  const rows = results.exceptions.map((e) => [
    mdText(e.checkId),
    mdText(e.resource),
    mdText(e.accounts?.join(', ') ?? 'all accounts'),
    mdText(e.reason),
    mdText(e.owner),
    e.expired ? `**expired ${mdText(e.expires)}**` : mdText(e.expires),
    String(e.covered),
  ]);
  return `## Accepted exceptions (${results.exceptions.length})\n\nA finding under a live exception keeps its status and counts as met. ERROR findings are never excepted.\n\n${table(['Check', 'Resource', 'Accounts', 'Reason', 'Owner', 'Expires', 'Findings covered'], rows)}`;
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
    return [mdText(id), mdText(requirement?.title ?? ''), mdText(listSome(pending.map(rowSubject), 10)), mdText(`${what}${renew}`)];
  });
  return `## Manual items outstanding (${outstanding.size})\n\n${table(['Requirement', 'Title', 'Where', 'To attest'], rows)}`;
}
