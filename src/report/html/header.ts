// The page header: what was scanned, by whom, when, against which checklist, and how completely.

import { incompleteNote, rerenderNote } from '../notes.js';
import type { ReportInput } from '../types.js';
import { coverageOf, type Coverage } from './coverage.js';
import { esc } from './escape.js';
import { renderVerdict } from './landing.js';
import { describeProduction } from '../../engine/production.js';
import { formatDuration, formatTime, listSome, plural } from './format.js';

/** Failed accounts listed by name in the header; the rest are counted. */
const FAILED_ACCOUNTS_SHOWN = 20;

export function renderHeader(input: ReportInput): string {
  const { results, checklist } = input;
  return `<header class="page-header">
<p class="eyebrow">${esc(results.tool.name)} report</p>
<h1>${esc(checklist.title)}</h1>
${renderSubtitle(input)}
${renderRerender(input)}${renderVerdict(input)}
${renderScanWarning(input)}
</header>`;
}

/** One line: which checklist, model, how many accounts, when. The full facts are under "About this run". */
function renderSubtitle({ results, checklist, otherChecklists = [] }: ReportInput): string {
  const parts = [
    `${checklist.id} ${checklist.version}`,
    results.deploymentModel,
    plural(results.accounts.length, 'account'),
    `scanned ${formatTime(results.finishedAt)}`,
  ];
  const others = otherChecklists.map((other) => ` · also judged: <a href="${esc(`${other.folder}/report.html`)}">${esc(other.id)}</a>`).join('');
  return `<p class="subtitle">${esc(parts.join(' · '))} · <a href="#about">about this run</a>${others}</p>`;
}

/** An incomplete scan or failed accounts are said up front: every verdict below is partial. */
function renderScanWarning({ results, manifest }: ReportInput): string {
  const notFull = results.accounts.filter((a) => a.status !== 'SCANNED').length;
  const problems = [
    incompleteNote(manifest) ?? '',
    notFull ? `${plural(notFull, 'account')} not fully scanned` : '',
  ].filter(Boolean);
  if (problems.length === 0) return '';
  return `<p class="banner" role="alert"><strong>Incomplete evidence:</strong> ${esc(problems.join('; '))} (<a href="#about">details</a>).</p>`;
}

function renderRerender({ rerender }: ReportInput): string {
  if (!rerender) return '';
  const note = rerenderNote(rerender);
  const details = `<ul class="plain">${note.details.map((d) => `<li><code>${esc(d)}</code></li>`).join('')}</ul>`;
  const modified = rerender.source === 'modified';
  return `<div class="${modified ? 'banner' : 'muted'}"${modified ? ' role="alert"' : ''}><p><strong>${esc(note.headline)}</strong></p>${details}</div>\n`;
}

export function renderRunFacts({ results, manifest, checklist }: ReportInput): string {
  const caller = results.callerIdentity ?? manifest.callerIdentity;
  const facts: [string, string][] = [
    ['Scanned from', caller ? `account <code>${esc(caller.accountId)}</code>` : 'not recorded'],
    ['Checklist', `${esc(checklist.id)} version ${esc(checklist.version)}${sourceLink(checklist.source)}`],
    ['Deployment model', esc(results.deploymentModel)],
    ['Production scope', esc(describeProduction(results.production))],
    ['Scan started', esc(formatTime(results.startedAt))],
    ['Scan finished', `${esc(formatTime(results.finishedAt))}${durationNote(results.startedAt, results.finishedAt)}`],
    ['Tool', `${esc(results.tool.name)} ${esc(results.tool.version)}`],
    ['Caller identity', caller ? `<code>${esc(caller.arn)}</code>` : 'not recorded'],
    ['Run', `<code>${esc(manifest.runId)}</code>${manifest.shard ? ` · shard ${manifest.shard.index}/${manifest.shard.count}` : ''}`],
    ['Config hash', `<code title="${esc(manifest.configHash)}">${esc(manifest.configHash.slice(0, 16))}</code>`],
  ];
  return `<dl class="facts">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

function sourceLink(source: string): string {
  if (!/^https:\/\//i.test(source)) return '';
  return ` · <a href="${esc(source)}" rel="noopener noreferrer" target="_blank">published checklist</a>`;
}

function durationNote(start: string, end: string): string {
  const duration = formatDuration(start, end);
  return duration ? ` (${esc(duration)})` : '';
}

export function renderCoverage({ results, manifest }: ReportInput): string {
  const coverage = coverageOf(results, manifest);
  const { accounts } = coverage;
  const total = accounts.SCANNED + accounts.PARTIAL + accounts.ERROR;
  const calls = manifest.totals;
  const incomplete = incompleteNote(manifest);
  return `<section class="coverage" aria-labelledby="coverage-title">
<h2 id="coverage-title">Coverage</h2>
${incomplete ? `<p class="banner" role="alert"><strong>Incomplete scan:</strong> ${esc(incomplete)}</p>` : ''}
<ul class="coverage-stats">
<li><strong>${total}</strong> ${total === 1 ? 'account' : 'accounts'}: ${accounts.SCANNED} scanned, ${accounts.PARTIAL} partial, ${accounts.ERROR} failed${coverage.pending ? `, ${coverage.pending} never finished` : ''}</li>
<li><strong>${coverage.regions.length}</strong> ${coverage.regions.length === 1 ? 'region' : 'regions'} scanned<span class="muted">${coverage.regions.length ? `: ${esc(coverage.regions.join(', '))}` : ''}</span></li>
<li><strong>${calls.requests}</strong> read-only API calls · ${calls.retries} retried · ${calls.throttles} throttled · ${calls.errors} failed</li>
</ul>
${renderSkipped(coverage.skipped)}
${renderFailedAccounts(coverage.failedAccounts)}
</section>`;
}

function renderSkipped(skipped: Coverage['skipped']): string {
  if (skipped.size === 0) return '<p class="muted">No region was skipped.</p>';
  const items = [...skipped].map(
    ([reason, pairs]) => `<li>${esc(plural(pairs.length, 'account-region'))} skipped: ${esc(reason)} <span class="muted">(${esc(listSome(pairs, 8))})</span></li>`,
  );
  return `<h3>Skipped</h3><ul class="plain">${items.join('')}</ul>`;
}

function renderFailedAccounts(failed: Coverage['failedAccounts']): string {
  if (failed.length === 0) return '';
  const items = failed.slice(0, FAILED_ACCOUNTS_SHOWN).map(
    (a) =>
      `<li><span class="badge s-${a.status === 'ERROR' ? 'E' : 'W'}">${a.status}</span> <code>${esc(a.accountId)}</code>${a.name ? ` ${esc(a.name)}` : ''}: ${esc(a.error)}</li>`,
  );
  const more = failed.length > FAILED_ACCOUNTS_SHOWN ? `<li class="muted">and ${failed.length - FAILED_ACCOUNTS_SHOWN} more (see the matrix and results.json)</li>` : '';
  return `<h3>Accounts not fully scanned</h3><ul class="plain">${items.join('')}${more}</ul>`;
}
