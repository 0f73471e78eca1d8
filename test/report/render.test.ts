import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { FORMATS, REPORTERS, selectReporters } from '../../src/report/registry.js';
import { renderReports, renderToBuffer } from '../../src/report/render.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pa-render-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('registry', () => {
  it('knows every format by a unique name and file', () => {
    expect(FORMATS).toEqual(['json', 'html', 'markdown', 'csv', 'xlsx', 'ocsf', 'asff', 'junit']);
    expect(new Set(REPORTERS.map((r) => r.fileName)).size).toBe(REPORTERS.length);
  });

  it('selects all, lists, and refuses unknown names', () => {
    expect(selectReporters('all')).toHaveLength(REPORTERS.length);
    expect(selectReporters('csv, junit,csv').map((r) => r.format)).toEqual(['csv', 'junit']);
    expect(() => selectReporters('pdf')).toThrow(UsageError);
    expect(() => selectReporters('html,jsn')).toThrow('unknown report format "jsn" (did you mean json?); choose from all, ');
    expect(() => selectReporters('')).toThrow(UsageError);
  });
});

describe('renderReports', () => {
  const input = syntheticRun({ accounts: 2, regions: 2 });

  it('writes the selected formats and nothing else: sealing is the caller\'s step', async () => {
    writeFileSync(join(dir, 'SIGNATURE.json'), '{}');
    const reports = await renderReports(input, ['json', 'csv', 'junit'], dir);
    expect(reports.map((r) => r.fileName)).toEqual(['results.json', 'self-assessment.csv', 'junit.xml']);
    for (const r of reports) expect(r.bytes).toBe(readFileSync(join(dir, r.fileName)).byteLength);
    expect(readdirSync(dir).sort()).toEqual(['SIGNATURE.json', 'junit.xml', 'results.json', 'self-assessment.csv']);
  });

  it('renders one format for stdout and refuses several', async () => {
    expect(JSON.parse((await renderToBuffer(input, 'json')) as string)).toEqual(input.results);
    await expect(renderToBuffer(input, 'all')).rejects.toThrow(UsageError);
    await expect(renderToBuffer(input, 'csv,json')).rejects.toThrow(UsageError);
  });
});
