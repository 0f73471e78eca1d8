// The first screen of report.html, rendered on the server so it reads without JavaScript and in
// print: the verdict in one line, what to fix first, then the partner-level checklist and the
// accepted exceptions.

import { daysLeft, EXPIRY_WARNING_DAYS } from '../../attest/expiry.js';
import type { ExceptionSummary, RequirementResult } from '../../contract/results.js';
import { verdictLine, verdictOf, type Problem } from '../priorities.js';
import type { ReportInput } from '../types.js';
import { esc } from './escape.js';
import { listSome, plural } from './format.js';
import { STATUS_CODE } from './status.js';

/** Accounts named per "Fix first" entry; the rest are counted. */
const SUBJECTS_SHOWN = 6;

const requirementHref = (id: string): string => `#/req/${encodeURIComponent(id)}`;

export function renderVerdict(input: ReportInput): string {
  const verdict = verdictOf(input);
  const tone = verdict.failing > 0 ? 'fail' : verdict.erroring > 0 ? 'error' : 'ok';
  return `<p class="verdict verdict-${tone}" id="verdict">${esc(verdictLine(verdict))}</p>`;
}

export function renderFixFirst(problems: Problem[]): string {
  const body = problems.length
    ? `<ol class="fix-first">${problems.map(problemItem).join('')}</ol>`
    : '<p class="all-clear">Nothing fails and nothing was left unchecked.</p>';
  return `<section id="fix-first" aria-labelledby="fix-first-title">
<h2 id="fix-first-title">Fix first${problems.length ? ` <span class="count">${problems.length}</span>` : ''}</h2>
<p class="hint">Every requirement that fails or could not be checked: failures first, then by severity and by how many accounts it touches.</p>
${body}
</section>`;
}

function problemItem(problem: Problem): string {
  const { requirement, status, severity, subjects, reason } = problem;
  const where = subjects[0] === 'partner' ? 'the partner' : `${plural(subjects.length, 'account')}: ${listSome(subjects, SUBJECTS_SHOWN)}`;
  return `<li data-requirement="${esc(requirement.id)}" data-status="${status}">
<div class="problem-head"><span class="badge s-${STATUS_CODE[status]}">${status}</span> <span class="tag">${esc(severity)}</span> <a href="${requirementHref(requirement.id)}"><strong>${esc(requirement.id)}</strong> ${esc(requirement.title)}</a></div>
<div class="problem-where">${esc(where)}</div>
<div class="problem-why">${esc(reason)}</div>
</li>`;
}

export function renderPartnerLevel({ results, checklist }: ReportInput): string {
  const rows = new Map(results.requirements.filter((r) => r.scope === 'partner').map((r) => [r.requirementId, r]));
  const partner = checklist.requirements.filter((r) => rows.has(r.id));
  if (partner.length === 0) return '';
  const items = partner.map((requirement) => partnerItem(requirement.id, requirement.title, rows.get(requirement.id)!));
  return `<section id="partner-level" aria-labelledby="partner-title">
<h2 id="partner-title">Partner-level requirements <span class="count">${partner.length}</span></h2>
<p class="hint">Judged once for the partner (programme status, documents, processes), not per account. Where a check sees evidence, one account showing it is enough.</p>
<ul class="partner-list">${items.join('')}</ul>
</section>`;
}

function partnerItem(id: string, title: string, row: RequirementResult): string {
  const attested = row.attestation ? `attested ${row.attestation.status} by ${row.attestation.owner} on ${row.attestation.date}` : '';
  const why = [row.reason ?? '', attested].filter(Boolean).join(' · ');
  return `<li data-requirement="${esc(id)}" data-status="${row.status}"><span class="badge s-${STATUS_CODE[row.status]}">${row.status}</span> <a href="${requirementHref(id)}"><strong>${esc(id)}</strong> ${esc(title)}</a><div class="problem-why">${esc(why)}</div></li>`;
}

export function renderExceptions({ results }: ReportInput): string {
  if (results.exceptions.length === 0) return '';
  // Judged at the evidence time, like the findings they cover.
  const now = new Date(results.finishedAt);
  const items = results.exceptions.map((e) => exceptionItem(e, now));
  return `<section id="exceptions" aria-labelledby="exceptions-title">
<h2 id="exceptions-title">Accepted exceptions <span class="count">${results.exceptions.length}</span></h2>
<p class="hint">A finding under a live exception keeps its status and counts as met until the exception expires. ERROR findings are never excepted.</p>
<ul class="plain exception-list">${items.join('')}</ul>
</section>`;
}

function exceptionItem(e: ExceptionSummary, now: Date): string {
  const left = daysLeft(e.expires, now);
  const state = e.expired
    ? `<span class="badge s-F">EXPIRED</span> on ${esc(e.expires)}`
    : left <= EXPIRY_WARNING_DAYS
      ? `<span class="badge s-W">EXPIRING</span> ${esc(e.expires)}, in ${plural(left, 'day')}`
      : `until ${esc(e.expires)}`;
  const scope = e.accounts ? ` in ${esc(e.accounts.join(', '))}` : '';
  const errors = e.errorsNotCovered ? ` · ${plural(e.errorsNotCovered, 'ERROR finding')} matched but not excepted` : '';
  return `<li data-check="${esc(e.checkId)}"><code>${esc(e.checkId)}</code> <code class="res">${esc(e.resource)}</code>${scope}: ${esc(e.reason)} <span class="muted">(${esc(e.owner)}, ${state}; ${plural(e.covered, 'finding')} covered${errors})</span></li>`;
}
