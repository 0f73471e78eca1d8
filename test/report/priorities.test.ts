import { describe, expect, it } from 'vitest';
import type { FindingSource } from '../../src/contract/results.js';
import { problemsToFixFirst } from '../../src/report/priorities.js';
import { reportInput } from '../fixtures/report-input.js';

/** The fixture's findings, counting how often a reader goes through them; the first read may fail. */
function countingPasses(failFirst = false): { source: FindingSource; passes: () => number } {
  const input = reportInput();
  let passes = 0;
  const source: FindingSource = {
    count: input.findings.count,
    each: async function* () {
      passes += 1;
      if (failFirst && passes === 1) throw new Error('results.json is unreadable');
      yield* input.findings.each();
    },
  };
  return { source, passes: () => passes };
}

describe('problemsToFixFirst', () => {
  it('reads the findings once for the reports that rank the same results (report.html, summary.md, the console)', async () => {
    const input = reportInput();
    const { source, passes } = countingPasses();
    const first = await problemsToFixFirst({ ...input, findings: source });
    const second = await problemsToFixFirst({ ...input, findings: source });
    expect(passes()).toBe(1);
    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
    // Each caller gets its own list, so one sorting or cutting it leaves the others' alone.
    expect(second).not.toBe(first);
  });

  it('ranks again when the results or the checklist differ, or the findings come from another source', async () => {
    const input = reportInput();
    const { source, passes } = countingPasses();
    const ranked = await problemsToFixFirst({ ...input, findings: source });
    const narrowed = { ...input.results, requirements: input.results.requirements.filter((r) => r.requirementId !== ranked[0]!.requirement.id) };
    const again = await problemsToFixFirst({ ...input, results: narrowed, findings: source });
    expect(passes()).toBe(2);
    expect(again.map((p) => p.requirement.id)).not.toContain(ranked[0]!.requirement.id);
    await problemsToFixFirst({ ...input, checklist: { ...input.checklist }, findings: source });
    expect(passes()).toBe(3);
    const other = countingPasses();
    expect(await problemsToFixFirst({ ...input, findings: other.source })).toEqual(ranked);
    expect(other.passes()).toBe(1);
  });

  it('does not keep a failed read: the next caller reads again', async () => {
    const input = reportInput();
    const { source, passes } = countingPasses(true);
    await expect(problemsToFixFirst({ ...input, findings: source })).rejects.toThrow('unreadable');
    expect((await problemsToFixFirst({ ...input, findings: source })).length).toBeGreaterThan(0);
    expect(passes()).toBe(2);
  });
});
