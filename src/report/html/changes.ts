// "What changed" since the baseline run, grouped by requirement so 500 accounts stay readable.

import type { ReportInput } from '../types.js';
import { diffAgainstBaseline, type BaselineDiff } from './diff.js';
import { esc } from './escape.js';
import { formatTime, listSome, plural } from './format.js';

const ACCOUNTS_LISTED = 12;

export function renderChanges(input: ReportInput): string {
  if (!input.baseline) return '';
  const diff = diffAgainstBaseline(input.results, input.baseline);
  const sameChecklist =
    diff.baseline.checklist.id === input.results.checklist.id && diff.baseline.checklist.version === input.results.checklist.version;
  return `<section class="changes" id="changes" aria-labelledby="changes-title">
<h2 id="changes-title">What changed since ${esc(formatTime(diff.baseline.startedAt))}</h2>
${sameChecklist ? '' : `<p class="banner">The baseline used checklist ${esc(diff.baseline.checklist.id)} ${esc(diff.baseline.checklist.version)}; requirement IDs may not line up.</p>`}
<div class="change-grid">
${changeList('Newly failing', 's-F', diff.newlyFailing)}
${changeList('Fixed', 's-P', diff.fixed)}
${accountChanges(diff)}
</div>
${diff.otherChanges.length ? `<p class="muted">${esc(plural(diff.otherChanges.length, 'other status change'))} (for example to or from ERROR or MANUAL); see the matrix.</p>` : ''}
</section>`;
}

function changeList(title: string, statusClass: string, byRequirement: Map<string, string[]>): string {
  const items = [...byRequirement].map(
    ([requirementId, accounts]) =>
      `<li><a href="#/req/${esc(encodeURIComponent(requirementId))}">${esc(requirementId)}</a>: ${esc(plural(accounts.length, 'account'))} <span class="muted">(${esc(listSome(accounts, ACCOUNTS_LISTED))})</span></li>`,
  );
  const body = items.length ? `<ul class="plain">${items.join('')}</ul>` : '<p class="muted">None.</p>';
  return `<div class="change" data-change="${esc(title)}"><h3><span class="badge ${statusClass}">${esc(title)}</span> ${byRequirement.size} ${byRequirement.size === 1 ? 'requirement' : 'requirements'}</h3>${body}</div>`;
}

function accountChanges(diff: BaselineDiff): string {
  const line = (label: string, ids: string[]) =>
    `<li>${label}: ${ids.length ? `${ids.length} <span class="muted">(${esc(listSome(ids, ACCOUNTS_LISTED))})</span>` : 'none'}</li>`;
  return `<div class="change" data-change="Accounts"><h3>Accounts</h3><ul class="plain">${line('New', diff.newAccounts)}${line('Gone', diff.goneAccounts)}</ul></div>`;
}
