// Status counts as an inline SVG bar chart: one labelled bar per status, so the chart reads
// without colour and needs no library or external resource.

import type { RequirementStatus } from '../../contract/status.js';
import { esc } from './escape.js';
import { STATUS_ORDER } from './status.js';

const BAR_FILL: Record<RequirementStatus, string> = {
  FAIL: '#b42318',
  ERROR: '#6b21a8',
  WARN: '#b45309',
  MANUAL: '#1d4ed8',
  ATTESTED: '#0f766e',
  PASS: '#15803d',
  NOT_APPLICABLE: '#6b7280',
};

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 150;
const BAR_MAX = 300;
const COUNT_WIDTH = 70;

/** A horizontal bar chart of `counts`, listing only the given statuses (worst first). */
export function renderStatusChart(title: string, counts: Map<RequirementStatus, number>, statuses: readonly RequirementStatus[]): string {
  const shown = STATUS_ORDER.filter((s) => statuses.includes(s));
  const max = Math.max(1, ...shown.map((s) => counts.get(s) ?? 0));
  const height = shown.length * ROW_HEIGHT + 8;
  const width = LABEL_WIDTH + BAR_MAX + COUNT_WIDTH;
  const summary = shown.map((s) => `${s} ${counts.get(s) ?? 0}`).join(', ');
  const rows = shown.map((status, i) => barRow(status, counts.get(status) ?? 0, max, i));
  return `<figure class="chart">
<figcaption>${esc(title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" aria-label="${esc(`${title}: ${summary}`)}">
${rows.join('\n')}
</svg>
</figure>`;
}

function barRow(status: RequirementStatus, count: number, max: number, index: number): string {
  const y = index * ROW_HEIGHT + 4;
  const barWidth = count === 0 ? 0 : Math.max(2, Math.round((count / max) * BAR_MAX));
  const middle = y + ROW_HEIGHT / 2 - 2;
  return `<g data-status="${status}" data-count="${count}">
<text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle" font-size="14" font-weight="600" fill="#111827">${status}</text>
<rect x="${LABEL_WIDTH}" y="${y}" width="${barWidth}" height="${ROW_HEIGHT - 8}" rx="3" fill="${BAR_FILL[status]}"/>
<text x="${LABEL_WIDTH + barWidth + 6}" y="${middle}" dominant-baseline="middle" font-size="14" fill="#111827">${count}</text>
</g>`;
}
