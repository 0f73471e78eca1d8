// readResultsStream reads results.json in any JSON layout: the line layout the tool writes, streamed;
// a pretty-printed or a compact (one-line) file, read whole. Each gives every finding back.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Results } from '../../src/contract/results.js';
import { writeChunks } from '../../src/snapshot/chunk-writer.js';
import { JsonCopier, justWritten, readResultsStream, resultsJsonChunks } from '../../src/snapshot/results-file.js';
import { finding, results } from '../ops/fixtures.js';

const RESULTS: Results = results({
  findings: [finding({ accountId: '111111111111', resource: 'i-1', status: 'FAIL' }), finding({ accountId: '222222222222', resource: 'i-2', status: 'PASS' })],
});

async function written(layout: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pa-results-'));
  const path = join(dir, 'results.json');
  const { findings, requirements, exceptions, ...head } = RESULTS;
  if (layout === 'lines') await writeChunks(path, resultsJsonChunks({ head, findings, tail: () => ({ requirements, exceptions }) }));
  else writeFileSync(path, layout === 'pretty' ? JSON.stringify(RESULTS, null, 2) : JSON.stringify(RESULTS));
  return dir;
}

describe('readResultsStream', () => {
  it.each(['lines', 'pretty', 'compact'])('gives back every finding of a %s results.json', async (layout) => {
    const { results: head, findings } = await readResultsStream(await written(layout));
    const read: Finding[] = [];
    for await (const f of findings.each()) read.push(f);
    expect(read).toEqual(RESULTS.findings);
    expect(findings.count).toBe(2);
    const { findings: _all, ...expectedHead } = RESULTS;
    expect(head).toEqual(expectedHead);
  });
});

describe('the head the reports hold', () => {
  const row = (accountId: string, checkIds: string[]) => ({ requirementId: 'SUP-001', scope: 'account' as const, accountId, status: 'PASS' as const, checkIds, reason: '1 of 1 findings pass' });
  const rows = [row('111111111111', ['support-plan']), row('222222222222', ['support-plan']), row('333333333333', ['other', 'support-plan'])];

  it.each([
    ['read from the file', async () => (await readResultsStream(await writtenWith(rows))).results],
    ['just written', async () => justWritten(await writtenWith(rows), { ...RESULTS, requirements: rows }, 2).results],
  ])('%s: rows naming the same checks share one frozen list, and read as written', async (_how, read) => {
    const head = await read();
    const [a, b, c] = head.requirements;
    expect(head.requirements).toEqual(rows);
    expect(a!.checkIds).toBe(b!.checkIds);
    expect(c!.checkIds).not.toBe(a!.checkIds);
    expect(Object.isFrozen(a!.checkIds)).toBe(true);
    expect(() => (a!.checkIds as string[]).push('x')).toThrow(TypeError);
  });
});

describe('justWritten', () => {
  it('takes back the rows its copier made as they are, so the evaluation holds each row once', async () => {
    const row = (accountId: string) => ({ requirementId: 'SUP-001', scope: 'account' as const, accountId, status: 'PASS' as const, checkIds: ['support-plan'], reason: '1 of 1 findings pass' });
    const made = [row('111111111111'), row('222222222222')];
    const copier = new JsonCopier();
    const kept = made.map((r) => copier.copy(r));
    const { results } = justWritten(await writtenWith(kept), { ...RESULTS, requirements: kept }, 2, copier);
    expect(results.requirements).toEqual(made);
    results.requirements.forEach((r, i) => expect(r).toBe(kept[i]));
    expect(kept[0]).not.toBe(made[0]);
    expect(kept[0]!.checkIds).toBe(kept[1]!.checkIds);
  });


  it('gives the head back as JSON would carry it to the file and back', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const head = { ...RESULTS, when: new Date(0), gone: undefined, odd: [undefined, () => 1, Number.NaN, , 'x'], nested: { n: Infinity, ok: true, none: null } };
    const { results: copied } = justWritten(await writtenWith([]), head as unknown as Results, 0);
    expect(copied).toStrictEqual(JSON.parse(JSON.stringify(head)));
    expect(JSON.stringify(copied)).toBe(JSON.stringify(head));
  });
});

async function writtenWith(requirements: Results['requirements']): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pa-results-'));
  const { findings, exceptions, requirements: _none, ...head } = RESULTS;
  await writeChunks(join(dir, 'results.json'), resultsJsonChunks({ head, findings, tail: () => ({ requirements, exceptions }) }));
  return dir;
}
