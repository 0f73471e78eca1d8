// The page's only script, embedded inline. It reads the JSON data block and renders the matrix
// and the per-requirement pages with DOM APIs only (textContent, setAttribute): data never goes
// through innerHTML, so a hostile resource name stays text. Plain browser JavaScript on purpose:
// it ships as-is inside report.html and is exercised by test/browser/html-report.test.ts.

import { EVIDENCE_NONE, EVIDENCE_OMITTED } from './data.js';

export const CLIENT_SCRIPT = String.raw`
(() => {
'use strict';
const D = JSON.parse(document.getElementById('report-data').textContent);
const CODES = D.statuses.map((s) => s.code);
const LABEL = Object.fromEntries(D.statuses.map((s) => [s.code, s.status]));
LABEL['.'] = '—';
/** NOT_APPLICABLE may wrap after its underscore, so a matrix cell stays narrow. */
const cellLabel = (code) => LABEL[code].split('_').flatMap((part, i, parts) => (i < parts.length - 1 ? [part + '_', h('wbr')] : [part]));
const NAME = Object.fromEntries(D.statuses.map((s) => [s.code, s.status]));
NAME['.'] = 'no result';
const rank = (code) => { const i = CODES.indexOf(code); return i < 0 ? CODES.length : i; };
const PAGE_SIZES = [10, 25, 50, 100];
const FINDINGS_PER_PAGE = 50;
const ACCOUNTS_PER_PAGE = 50;

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces an element's children, flattening lists and dropping null/false like h() does. */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false && c !== ''));
}

const badge = (code, text) => h('span', { class: 'badge s-' + (code === '.' ? 'none' : code), 'data-status': NAME[code] }, text || LABEL[code]);
const safeHref = (url) => (/^https?:\/\//i.test(url) ? url : null);
const accountLabel = (a) => (a.name ? a.name + ' (' + a.id + ')' : a.id);
const reqLink = (id, params) => '#/req/' + encodeURIComponent(id) + (params ? '?' + new URLSearchParams(params).toString() : '');

function countCodes(codes) {
  const counts = {};
  for (const c of codes) counts[c] = (counts[c] || 0) + 1;
  return counts;
}

function totalsBadges(counts) {
  return CODES.filter((c) => counts[c]).map((c) => badge(c, counts[c] + ' ' + LABEL[c]));
}

function pager(total, page, size, noun, onPage) {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total ? page * size + 1 : 0;
  const to = Math.min(total, (page + 1) * size);
  return h('div', { class: 'pager' },
    h('button', { type: 'button', 'data-page': 'prev', disabled: page <= 0, onclick: () => onPage(page - 1) }, '← Previous'),
    h('span', { 'aria-live': 'polite' }, noun + ' ' + from + '–' + to + ' of ' + total),
    h('button', { type: 'button', 'data-page': 'next', disabled: page >= pages - 1, onclick: () => onPage(page + 1) }, 'Next →'));
}

// ---- matrix --------------------------------------------------------------------------------
const overall = D.requirements.map((r) => {
  let worst = '.';
  for (const c of r.cells) if (rank(c) < rank(worst)) worst = c;
  return worst;
});
const matrixState = { status: '', account: '', requirement: '', showAll: false, sortKey: 'order', sortDir: 1, accountOrder: 'id', page: 0, pageSize: 25 };
const SETTLED = new Set(['P', 'A', 'N', '.']);
const accountLevel = D.requirements.map((r, i) => i).filter((i) => D.requirements[i].scope === 'account');

function filtered() {
  const aq = matrixState.account.trim().toLowerCase();
  const rq = matrixState.requirement.trim().toLowerCase();
  let accs = D.accounts.map((a, i) => i).filter((i) => !aq || (D.accounts[i].id + ' ' + (D.accounts[i].name || '')).toLowerCase().includes(aq));
  let rows = accountLevel.filter((i) => {
    const r = D.requirements[i];
    return !rq || (r.id + ' ' + r.title + ' ' + r.section).toLowerCase().includes(rq);
  });
  if (!matrixState.showAll) rows = rows.filter((r) => accs.some((a) => !SETTLED.has(D.requirements[r].cells[a])));
  const s = matrixState.status;
  if (s) {
    rows = rows.filter((r) => accs.some((a) => D.requirements[r].cells[a] === s));
    accs = accs.filter((a) => rows.some((r) => D.requirements[r].cells[a] === s));
  }
  return { rows: sortRows(rows, accs), accs: orderAccounts(accs, rows) };
}

function problemKey(counts) {
  return ['F', 'E', 'W', 'M'].map((c) => counts[c] || 0);
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

function sortRows(rows, accs) {
  const key = matrixState.sortKey;
  const dir = matrixState.sortDir;
  const req = (i) => D.requirements[i];
  let cmp;
  if (key === 'id') cmp = (a, b) => req(a).id.localeCompare(req(b).id, undefined, { numeric: true });
  else if (key === 'overall') cmp = (a, b) => rank(overall[a]) - rank(overall[b]);
  else if (key === 'totals') {
    const keys = new Map(rows.map((r) => [r, problemKey(countCodes(accs.map((a) => req(r).cells[a])))]));
    cmp = (a, b) => compareKeys(keys.get(a), keys.get(b));
  } else if (key.startsWith('acct:')) {
    const acc = Number(key.slice(5));
    cmp = (a, b) => rank(req(a).cells[acc]) - rank(req(b).cells[acc]);
  } else cmp = () => 0;
  return rows.slice().sort((a, b) => dir * cmp(a, b) || a - b);
}

function orderAccounts(accs, rows) {
  const order = matrixState.accountOrder;
  if (order === 'name') return accs.slice().sort((a, b) => accountLabel(D.accounts[a]).localeCompare(accountLabel(D.accounts[b])) || a - b);
  if (order === 'problems') {
    const keys = new Map(accs.map((a) => [a, problemKey(countCodes(rows.map((r) => D.requirements[r].cells[a])))]));
    return accs.slice().sort((a, b) => compareKeys(keys.get(a), keys.get(b)) || a - b);
  }
  return accs.slice().sort((a, b) => D.accounts[a].id.localeCompare(D.accounts[b].id) || a - b);
}

function accountHeading(a) {
  return [h('span', { class: 'acct-name' }, a.name || a.id), a.name ? h('span', { class: 'acct-id' }, a.id) : null,
    a.status === 'SCANNED' ? null : h('span', { class: 'acct-flag' }, a.status)];
}

function sortHeader(key, label, attrs) {
  const active = matrixState.sortKey === key;
  const ariaSort = active ? (matrixState.sortDir === 1 ? 'ascending' : 'descending') : 'none';
  return h('th', Object.assign({ scope: 'col', 'aria-sort': ariaSort }, attrs || {}),
    h('button', { type: 'button', class: 'sort', 'data-sort': key, onclick: () => {
      matrixState.sortDir = active ? -matrixState.sortDir : 1;
      matrixState.sortKey = key;
      renderMatrix();
    } }, label));
}

function renderMatrix() {
  const { rows, accs } = filtered();
  const size = matrixState.pageSize;
  const pages = Math.max(1, Math.ceil(accs.length / size));
  matrixState.page = Math.max(0, Math.min(matrixState.page, pages - 1));
  const shown = accs.slice(matrixState.page * size, (matrixState.page + 1) * size);
  const s = matrixState.status;
  const head = h('tr', {},
    sortHeader('id', 'Requirement', { class: 'req' }),
    sortHeader('overall', 'Overall', { title: 'Worst status across all accounts' }),
    shown.map((a) => sortHeader('acct:' + a, accountHeading(D.accounts[a]), { class: 'acct', 'data-account': D.accounts[a].id, title: accountLabel(D.accounts[a]) + ' · ' + D.accounts[a].status })),
    sortHeader('totals', 'Totals (filtered accounts)'));
  const body = rows.map((r) => {
    const req = D.requirements[r];
    return h('tr', { 'data-requirement': req.id },
      h('th', { scope: 'row', class: 'req' },
        h('a', { href: reqLink(req.id), class: 'req-id' }, req.id),
        req.applies ? null : h('span', { class: 'tag', title: 'Does not apply to the ' + D.deploymentModel + ' model' }, 'not for ' + D.deploymentModel),
        h('span', { class: 'req-title' }, req.title)),
      h('td', { class: 'cell' }, badge(overall[r], cellLabel(overall[r]))),
      shown.map((a) => {
        const code = req.cells[a];
        const text = req.id + ' · ' + accountLabel(D.accounts[a]) + ': ' + NAME[code];
        return h('td', { class: 'cell' + (s && code !== s ? ' dim' : ''), 'data-status': NAME[code], 'data-account': D.accounts[a].id },
          code === '.' ? h('span', { class: 's-none', title: text }, LABEL[code])
            : h('a', { class: 's-' + code, href: reqLink(req.id, { account: D.accounts[a].id }), title: text }, cellLabel(code)));
      }),
      h('td', { class: 'totals' }, totalsBadges(countCodes(accs.map((a) => req.cells[a])))));
  });
  const foot = CODES.filter((c) => rows.some((r) => accs.some((a) => D.requirements[r].cells[a] === c))).map((c) =>
    h('tr', { 'data-total': NAME[c] },
      h('th', { scope: 'row', class: 'req' }, badge(c), ' requirements per account'),
      h('td', {}),
      shown.map((a) => h('td', { class: 'cell', 'data-account': D.accounts[a].id }, String(rows.filter((r) => D.requirements[r].cells[a] === c).length))),
      h('td', { class: 'totals' }, String(rows.reduce((n, r) => n + accs.filter((a) => D.requirements[r].cells[a] === c).length, 0)))));
  const empty = matrixState.showAll ? 'No requirement and account match these filters.'
    : 'Every account-level requirement passes, is attested or does not apply in these accounts. Tick “Show all” to see them.';
  const table = rows.length && accs.length
    ? h('div', { class: 'table-wrap matrix-wrap' }, h('table', { class: 'matrix', id: 'matrix' }, h('thead', {}, head), h('tbody', {}, body), h('tfoot', {}, foot)))
    : h('p', { class: 'empty', id: 'matrix-empty' }, empty);
  const summary = h('p', { id: 'matrix-summary', 'data-rows': rows.length, 'data-accounts': accs.length },
    rows.length + ' of ' + accountLevel.length + ' account-level requirements × ' + accs.length + ' of ' + D.accounts.length + ' accounts');
  const paging = accs.length > size ? pager(accs.length, matrixState.page, size, 'Accounts', (p) => { matrixState.page = p; renderMatrix(); }) : null;
  fill(document.getElementById('matrix-root'), summary, paging, table);
}

function matrixControls() {
  const update = (key) => (event) => { matrixState[key] = event.target.value; matrixState.page = 0; renderMatrix(); };
  return h('div', { class: 'controls', role: 'search' },
    h('label', { class: 'check-label' }, h('input', { id: 'show-all', type: 'checkbox', onchange: (e) => { matrixState.showAll = e.target.checked; matrixState.page = 0; renderMatrix(); } }), 'Show all'),
    h('label', {}, 'Status', h('select', { id: 'filter-status', onchange: update('status') },
      h('option', { value: '' }, 'Any status'), D.statuses.map((st) => h('option', { value: st.code }, st.status)))),
    h('label', {}, 'Account', h('input', { id: 'filter-account', type: 'search', placeholder: 'ID or name', oninput: update('account') })),
    h('label', {}, 'Requirement', h('input', { id: 'filter-requirement', type: 'search', placeholder: 'ID, title or section', oninput: update('requirement') })),
    h('label', {}, 'Order accounts', h('select', { id: 'account-order', onchange: update('accountOrder') },
      h('option', { value: 'id' }, 'By ID'), h('option', { value: 'name' }, 'By name'), h('option', { value: 'problems' }, 'Most problems first'))),
    h('label', {}, 'Accounts per page', h('select', { id: 'page-size', onchange: (e) => { matrixState.pageSize = Number(e.target.value); matrixState.page = 0; renderMatrix(); } },
      PAGE_SIZES.map((n) => h('option', { value: n, selected: n === matrixState.pageSize }, String(n))))));
}

// ---- requirement pages ---------------------------------------------------------------------
let findingsByRequirement = null;

function findingsOf(r) {
  if (!findingsByRequirement) {
    findingsByRequirement = D.requirements.map(() => []);
    D.findings.forEach((f, i) => { for (const req of D.requirementSets[f[7]]) findingsByRequirement[req].push(i); });
    const F = D.findings;
    const key = (i) => [rank(F[i][4]), F[i][1], D.regions[F[i][2]], F[i][3]];
    for (const list of findingsByRequirement) list.sort((a, b) => {
      const x = key(a), y = key(b);
      for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
      return a - b;
    });
  }
  return findingsByRequirement[r];
}

const AUTOMATION = { full: 'Automated: read-only APIs decide it', partial: 'Partly automated: the rest needs your attestation', manual: 'Manual: you attest it' };

function checkBlock(c) {
  const check = D.checks[c];
  const docs = safeHref(check.docsUrl);
  return h('article', { class: 'check', 'data-check': check.id },
    h('h4', {}, check.title, ' ', h('code', { class: 'muted' }, check.id), ' ', h('span', { class: 'tag' }, check.severity)),
    h('p', {}, check.description),
    check.actions.length ? h('p', { class: 'muted' }, 'Reads: ', h('code', {}, check.actions.join(', '))) : null,
    check.remediation ? h('p', {}, h('strong', {}, 'Remediation: '), check.remediation) : null,
    docs ? h('p', {}, h('a', { href: docs, rel: 'noopener noreferrer', target: '_blank' }, 'Documentation')) : null);
}

function scopeLine(att, accounts) {
  if (accounts === null) return 'For the partner.';
  const limited = att.accounts ? 'Limited to ' + att.accounts.join(', ') + '. ' : 'Covers every account. ';
  return limited + 'Applied in ' + accounts.length + (accounts.length === 1 ? ' account: ' : ' accounts: ') + accounts.slice(0, 12).join(', ') + (accounts.length > 12 ? ' …' : '');
}

function attestationBlock(att, accounts) {
  return h('article', { class: 'check attestation' },
    h('h4', {}, att.status === 'met' ? badge('A', 'MET') : badge('F', 'NOT MET'), ' attested by ', att.owner),
    h('p', {}, 'Dated ' + att.date + (att.expires ? ' · expires ' + att.expires : ' · no expiry'), att.expired ? h('span', { class: 'tag' }, 'EXPIRED') : null),
    att.notes ? h('p', {}, att.notes) : null,
    att.evidence.length ? h('ul', { class: 'plain' }, att.evidence.map((e) => {
      const href = safeHref(e);
      return h('li', {}, href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, e) : h('code', {}, e));
    })) : h('p', { class: 'muted' }, 'No evidence listed.'),
    h('p', { class: 'muted' }, scopeLine(att, accounts)));
}

function evidenceBlock(f) {
  const ids = D.requestIdLists[f[9]];
  const ev = f[8];
  let body;
  if (ev === ${EVIDENCE_NONE}) body = h('p', { class: 'muted' }, 'No evidence recorded for this finding.');
  else if (ev === ${EVIDENCE_OMITTED}) body = h('p', { class: 'muted' }, 'Evidence left out to keep this file small; it is in results.json.');
  else {
    const [text, fullLength] = D.evidence[ev];
    let shown = text;
    if (fullLength === null) { try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (err) { shown = text; } }
    body = [fullLength !== null ? h('p', { class: 'muted' }, 'Cut at ' + text.length + ' of ' + fullLength + ' characters; the full evidence is in results.json.') : null,
      h('pre', { class: 'evidence' }, shown)];
  }
  return h('details', {},
    h('summary', {}, 'Evidence and ' + ids.length + (ids.length === 1 ? ' request ID' : ' request IDs')),
    h('p', {}, 'Request IDs: ', ids.length ? h('code', {}, ids.join(', ')) : h('span', { class: 'muted' }, 'none recorded')),
    body);
}

function findingRows(i) {
  const f = D.findings[i];
  const check = D.checks[f[0]];
  const account = D.accounts[f[1]];
  return [
    h('tr', { class: 'finding', 'data-status': NAME[f[4]], 'data-account': account.id },
      h('td', {}, badge(f[4])),
      h('td', {}, accountLabel(account)),
      h('td', { class: 'nowrap' }, D.regions[f[2]]),
      h('td', { class: 'res' }, f[3]),
      h('td', { class: 'nowrap' }, h('code', {}, check.id)),
      h('td', { class: 'msg' }, D.messages[f[6]], f[10] ? h('span', { class: 'tag' }, 'advisory') : null, exceptionNote(f[11]),
        f[4] !== 'P' && f[4] !== 'N' && check.remediation ? h('span', { class: 'remedy' }, 'Remediation: ' + check.remediation) : null)),
    h('tr', { class: 'evidence-row' }, h('td', { colspan: 6 }, evidenceBlock(f))),
  ];
}

function exceptionNote(e) {
  if (e < 0) return null;
  const x = D.exceptions[e];
  return h('span', { class: 'exception' + (x.expired ? ' expired' : '') },
    (x.expired ? 'Exception expired ' + x.expires : 'Accepted until ' + x.expires) + ' by ' + x.owner + ': ' + x.reason);
}

function renderFindings(r, view) {
  const aq = view.account.trim().toLowerCase();
  const list = findingsOf(r).filter((i) => {
    const f = D.findings[i];
    const a = D.accounts[f[1]];
    return (!view.status || f[4] === view.status) && (!aq || (a.id + ' ' + (a.name || '')).toLowerCase().includes(aq));
  });
  const pages = Math.max(1, Math.ceil(list.length / FINDINGS_PER_PAGE));
  view.page = Math.max(0, Math.min(view.page, pages - 1));
  const shown = list.slice(view.page * FINDINGS_PER_PAGE, (view.page + 1) * FINDINGS_PER_PAGE);
  const table = list.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'findings', id: 'findings' },
    h('thead', {}, h('tr', {}, ['Status', 'Account', 'Region', 'Resource', 'Check', 'Message'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, shown.map(findingRows))))
    : h('p', { class: 'empty' }, findingsOf(r).length ? 'No finding matches these filters.' : D.findingsFile ? 'None of its findings is among those kept on this page; see ' + D.findingsFile + '.' : 'No findings: this requirement was not checked by API (see its status and attestations).');
  fill(document.getElementById('findings-root'),
    h('p', { id: 'findings-summary', 'data-count': list.length }, list.length + ' of ' + findingsOf(r).length + ' findings'),
    D.findingsFile ? h('p', { class: 'banner', id: 'findings-capped' }, 'This page keeps the ' + D.findings.length + ' most severe findings of the run; ' + D.findingsOmitted + ' more are listed only in ' + D.findingsFile + ', beside this file.') : null,
    list.length > FINDINGS_PER_PAGE ? pager(list.length, view.page, FINDINGS_PER_PAGE, 'Findings', (p) => { view.page = p; renderFindings(r, view); }) : null,
    table);
}

function accountStatusTable(r, view) {
  const req = D.requirements[r];
  const reasons = new Map(D.details.filter((d) => d[0] === r).map((d) => [d[1], d[2]]));
  const accs = D.accounts.map((a, i) => i).filter((a) => req.cells[a] !== '.').sort((a, b) => rank(req.cells[a]) - rank(req.cells[b]) || a - b);
  const shown = accs.slice(view.accountPage * ACCOUNTS_PER_PAGE, (view.accountPage + 1) * ACCOUNTS_PER_PAGE);
  const root = document.getElementById('accounts-root');
  fill(root,
    accs.length > ACCOUNTS_PER_PAGE ? pager(accs.length, view.accountPage, ACCOUNTS_PER_PAGE, 'Accounts', (p) => { view.accountPage = p; accountStatusTable(r, view); }) : null,
    accs.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'account-status' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Account'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Why'))),
      h('tbody', {}, shown.map((a) => h('tr', { 'data-account': D.accounts[a].id },
        h('td', {}, accountLabel(D.accounts[a])), h('td', {}, badge(req.cells[a])), h('td', {}, reasons.get(a) || ''))))))
      : h('p', { class: 'empty' }, 'No account has a result for this requirement.'));
}

function renderRequirement(id, params) {
  const root = document.getElementById('requirement-page');
  const r = D.requirements.findIndex((q) => q.id === id);
  const back = h('p', {}, h('a', { href: '#/', id: 'back' }, '← Back to the overview'));
  if (r < 0) { fill(root, back, h('h2', {}, 'No requirement ' + id + ' in this report.')); return; }
  const req = D.requirements[r];
  const view = { status: params.get('status') || '', account: params.get('account') || '', page: 0, accountPage: 0 };
  const partner = req.partner;
  const attestations = new Map();
  for (const d of D.details) if (d[0] === r && d[3] !== null) attestations.set(d[3], (attestations.get(d[3]) || []).concat(D.accounts[d[1]].id));
  if (partner && partner[2] !== null) attestations.set(partner[2], null);
  const update = (key) => (event) => { view[key] = event.target.value; view.page = 0; renderFindings(r, view); };
  fill(root,
    back,
    h('h2', { id: 'requirement-title' }, req.id + ' — ' + req.title),
    h('div', { class: 'meta' },
      req.section ? h('span', {}, h('strong', {}, 'Section: '), req.section) : null,
      h('span', {}, h('strong', {}, 'Automation: '), AUTOMATION[req.automation] || req.automation),
      h('span', {}, h('strong', {}, 'Applies to: '), req.appliesTo.join(', ')),
      req.applies ? null : h('span', { class: 'tag' }, 'does not apply to the ' + D.deploymentModel + ' model')),
    req.attest ? h('p', {}, h('strong', {}, 'To attest: '), req.attest) : null,
    partner ? h('p', { id: 'requirement-totals' }, 'Judged once for the partner: ', badge(partner[0]), ' ', partner[1] || '')
      : h('p', { id: 'requirement-totals' }, totalsBadges(countCodes(req.cells.split('').filter((c) => c !== '.')))),
    h('h3', {}, 'What was checked and how'),
    req.checks.length ? req.checks.map(checkBlock) : h('p', { class: 'muted' }, 'No automated check covers this requirement; it rests on attestation.'),
    attestations.size ? [h('h3', {}, 'Attestations'), [...attestations].map(([a, accs]) => attestationBlock(D.attestations[a], accs))] : null,
    partner ? null : h('h3', {}, 'Status per account'),
    partner ? null : h('div', { id: 'accounts-root' }),
    h('h3', {}, 'Findings'),
    h('div', { class: 'controls', role: 'search' },
      h('label', {}, 'Status', h('select', { id: 'findings-status', onchange: update('status') },
        h('option', { value: '' }, 'Any status'),
        D.statuses.filter((st) => st.finding).map((st) => h('option', { value: st.code, selected: st.code === view.status }, st.status)))),
      h('label', {}, 'Account', h('input', { id: 'findings-account', type: 'search', value: view.account, placeholder: 'ID or name', oninput: update('account') }))),
    h('div', { id: 'findings-root' }));
  if (!partner) accountStatusTable(r, view);
  renderFindings(r, view);
}

// ---- routing -------------------------------------------------------------------------------
function route() {
  const [path, query] = location.hash.slice(1).split('?');
  const match = /^\/req\/(.+)$/.exec(path || '');
  const overview = document.getElementById('overview');
  const page = document.getElementById('requirement-page');
  if (match) {
    renderRequirement(decodeURIComponent(match[1]), new URLSearchParams(query || ''));
    overview.hidden = true;
    page.hidden = false;
    window.scrollTo(0, 0);
  } else {
    page.hidden = true;
    overview.hidden = false;
  }
}

fill(document.getElementById('matrix-controls'), matrixControls());
renderMatrix();
window.addEventListener('hashchange', route);
route();
document.body.setAttribute('data-ready', 'true');
})();
`;
