// Render-all benchmark: every report format for a synthetic 500-account × 16-region run.
// Prints wall time, peak RSS and each output's size. Budget (issue 4): under 10 s and 500 MB RSS,
// report.html under 15 MB. Run: npm run build && node dist/bench/render.js [accounts] [regions]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReports, type RenderedReport } from '../src/report/render.js';
import { syntheticRun } from '../test/fixtures/synthetic-run.js';

export interface RenderBenchResult {
  accounts: number;
  regions: number;
  findings: number;
  wallMs: number;
  peakRssMb: number;
  reports: RenderedReport[];
}

export const BUDGET = { wallMs: 10_000, peakRssMb: 500, htmlBytes: 15 * 1024 * 1024 };

export async function benchRender(accounts = 500, regions = 16): Promise<RenderBenchResult> {
  const input = syntheticRun({ accounts, regions });
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-render-'));
  try {
    const started = performance.now();
    const reports = await renderReports(input, 'all', dir);
    const wallMs = Math.round(performance.now() - started);
    // maxRSS is in kilobytes and covers the whole process, fixture generation included.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return { accounts, regions, findings: input.results.findings.length, wallMs, peakRssMb, reports };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatBenchResult(r: RenderBenchResult): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  const lines = [
    `render all formats: ${r.accounts} accounts × ${r.regions} regions, ${r.findings} findings`,
    `  wall time  ${r.wallMs} ms (budget ${BUDGET.wallMs} ms)`,
    `  peak RSS   ${r.peakRssMb} MB (budget ${BUDGET.peakRssMb} MB)`,
    ...r.reports.map((p) => `  ${p.fileName.padEnd(22)} ${mb(p.bytes).padStart(10)}  ${String(p.ms).padStart(6)} ms`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Budget breaches, in words; empty when the run is within budget. */
export function overBudget(r: RenderBenchResult): string[] {
  const html = r.reports.find((p) => p.format === 'html');
  return [
    r.wallMs > BUDGET.wallMs ? `wall time ${r.wallMs} ms > ${BUDGET.wallMs} ms` : '',
    r.peakRssMb > BUDGET.peakRssMb ? `peak RSS ${r.peakRssMb} MB > ${BUDGET.peakRssMb} MB` : '',
    html && html.bytes > BUDGET.htmlBytes ? `report.html ${html.bytes} bytes > ${BUDGET.htmlBytes}` : '',
  ].filter(Boolean);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [accounts, regions] = process.argv.slice(2).map(Number);
  const result = await benchRender(accounts || 500, regions || 16);
  process.stdout.write(formatBenchResult(result));
  const breaches = overBudget(result);
  if (breaches.length > 0) {
    process.stderr.write(`over budget: ${breaches.join('; ')}\n`);
    process.exitCode = 1;
  }
}
