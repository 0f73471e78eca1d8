import { describe, expect, it } from 'vitest';
import { benchRender, formatBenchResult, overBudget } from '../../bench/render.js';
import { FORMATS } from '../../src/report/registry.js';

describe('render benchmark', () => {
  it('renders every format and reports time, memory and sizes', async () => {
    const result = await benchRender(20, 3);
    expect(result.reports.map((r) => r.format)).toEqual([...FORMATS]);
    expect(result.findings).toBe(20 * (3 * 5 + 4));
    for (const r of result.reports) expect(r.bytes).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
    expect(formatBenchResult(result)).toMatch(/20 accounts × 3 regions, 380 findings/);
  });

  it('names each budget it breaks', () => {
    const breaches = overBudget({
      accounts: 1,
      regions: 1,
      findings: 1,
      wallMs: 10_001,
      peakRssMb: 501,
      reports: [{ format: 'html', fileName: 'report.html', bytes: 16 * 1024 * 1024, ms: 1 }],
    });
    expect(breaches).toHaveLength(3);
  });
});
