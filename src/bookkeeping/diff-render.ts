// Renders a RunDiff as Markdown (for issues, PRs and chat), plain console text, or JSON.

import type { AttestationAlert, ExceptionAlert, FindingRef, RequirementChange, RunDiff } from './diff.js';

export function renderDiffJson(diff: RunDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

export function summaryLine(diff: RunDiff): string {
  const r = diff.requirements;
  const a = diff.accounts;
  const t = diff.attestations;
  return [
    `${r.regressions.length} regressed`,
    `${r.fixed.length} fixed`,
    `${r.changed.length} other changes`,
    `${a.new.length} new accounts`,
    `${a.gone.length} gone accounts`,
    `${diff.findings.new.length} new resources`,
    `${diff.findings.gone.length} gone resources`,
    `${t.expired.length} attestations expired`,
    `${t.expiring.length} expiring`,
    `${diff.exceptions.expired.length} exceptions expired`,
    `${diff.exceptions.expiring.length} expiring`,
  ].join(', ');
}

const status = (s?: string): string => s ?? '(none)';
const change = (c: RequirementChange): string => `${status(c.before)} → ${status(c.after)}`;
const findingWhere = (f: FindingRef): string => `${f.checkId} ${f.accountId}/${f.region} ${f.resource}`;
/** A requirement row's subject: its account, or the partner for partner-level requirements. */
const subject = (row: { accountId?: string }): string => row.accountId ?? 'partner';
const expiry = (a: { expires: string; daysLeft: number }): string => `expires ${a.expires}${a.daysLeft > 0 ? `, ${a.daysLeft} days left` : ''}`;
const alertLine = (a: AttestationAlert): string => `${subject(a)} ${a.requirementId} (owner ${a.owner}) ${expiry(a)}`;
const exceptionLine = (e: ExceptionAlert): string => `${e.checkId} ${e.resource} (owner ${e.owner}) ${expiry(e)}`;

export function renderDiffMarkdown(diff: RunDiff): string {
  const out = [
    `# Drift: ${diff.checklist.id} ${diff.checklist.version}`,
    '',
    `From the run of ${diff.from.startedAt} to the run of ${diff.to.startedAt}.`,
    '',
    `**${summaryLine(diff)}**`,
  ];
  const table = (title: string, rows: RequirementChange[]): void => {
    if (!rows.length) return;
    out.push('', `## ${title}`, '', '| Account | Requirement | Before | After |', '|---|---|---|---|');
    for (const c of rows) out.push(`| ${subject(c)} | ${c.requirementId} | ${status(c.before)} | ${status(c.after)} |`);
  };
  const list = (title: string, lines: string[]): void => {
    if (lines.length) out.push('', `## ${title}`, '', ...lines.map((line) => `- ${mdEscape(line)}`));
  };
  table('Regressions (newly failing)', diff.requirements.regressions);
  table('Fixed', diff.requirements.fixed);
  table('Other status changes', diff.requirements.changed);
  list('New accounts', diff.accounts.new.map((a) => `${a.accountId}${a.name ? ` (${a.name})` : ''}: ${a.status}`));
  list('Gone accounts', diff.accounts.gone.map((a) => `${a.accountId}${a.name ? ` (${a.name})` : ''}`));
  list('Account status changes', diff.accounts.statusChanged.map((c) => `${c.accountId}: ${c.before} → ${c.after}`));
  list('Resources newly failing', diff.findings.newlyFailing.map(findingWhere));
  list('Resources fixed', diff.findings.fixed.map(findingWhere));
  list('New resources', diff.findings.new.map((f) => `${findingWhere(f)}: ${f.status}`));
  list('Gone resources', diff.findings.gone.map(findingWhere));
  list('Attestations expired', diff.attestations.expired.map(alertLine));
  list(`Attestations expiring within 30 days`, diff.attestations.expiring.map(alertLine));
  list('Exceptions expired', diff.exceptions.expired.map(exceptionLine));
  list('Exceptions expiring within 30 days', diff.exceptions.expiring.map(exceptionLine));
  return `${out.join('\n')}\n`;
}

export function renderDiffText(diff: RunDiff): string {
  const out = [`Drift ${diff.from.startedAt} → ${diff.to.startedAt} (${diff.checklist.id})`, summaryLine(diff)];
  const section = (title: string, lines: string[]): void => {
    if (lines.length) out.push('', `${title}:`, ...lines.map((line) => `  ${line}`));
  };
  const requirementLine = (c: RequirementChange): string => `${subject(c)} ${c.requirementId}  ${change(c)}`;
  section('REGRESSED', diff.requirements.regressions.map(requirementLine));
  section('Fixed', diff.requirements.fixed.map(requirementLine));
  section('Changed', diff.requirements.changed.map(requirementLine));
  section('New accounts', diff.accounts.new.map((a) => `${a.accountId} ${a.status}`));
  section('Gone accounts', diff.accounts.gone.map((a) => a.accountId));
  section('Account status', diff.accounts.statusChanged.map((c) => `${c.accountId} ${c.before} → ${c.after}`));
  section('Resources newly failing', diff.findings.newlyFailing.map(findingWhere));
  section('Resources fixed', diff.findings.fixed.map(findingWhere));
  section('New resources', diff.findings.new.map((f) => `${findingWhere(f)} ${f.status}`));
  section('Gone resources', diff.findings.gone.map(findingWhere));
  section('Attestations expired', diff.attestations.expired.map(alertLine));
  section('Attestations expiring', diff.attestations.expiring.map(alertLine));
  section('Exceptions expired', diff.exceptions.expired.map(exceptionLine));
  section('Exceptions expiring', diff.exceptions.expiring.map(exceptionLine));
  return `${out.join('\n')}\n`;
}

/** Resource names come from the audited accounts: keep them from breaking the Markdown. */
function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]|<>])/g, '\\$1');
}
