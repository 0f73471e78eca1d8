import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from '../../src/report/html/client.js';
import { EVIDENCE_MAX_CHARS, EVIDENCE_OMITTED, type ReportData } from '../../src/report/html/data.js';
import { esc, jsonForScriptChunks } from '../../src/report/html/escape.js';
import { CSV_CHARS_PER_CALL, csvPieces, FULL_LIST_FILE, HTML_MAX_FINDINGS, htmlReporter, renderHtmlReport } from '../../src/report/html/index.js';
import { stringify } from '../../src/vendor/csv-stringify.js';
import { neutralizeFormula } from '../../src/report/csv.js';
import { STYLES } from '../../src/report/html/styles.js';
import { findingId } from '../../src/report/findings.js';
import { EXPECTED, HOSTILE_IMG, HOSTILE_SCRIPT, largeReportInput, reportInput, withBaseline } from '../fixtures/report-input.js';

const DATA_OPEN = '<script type="application/json" id="report-data">';

function embeddedData(html: string): ReportData {
  const start = html.indexOf(DATA_OPEN) + DATA_OPEN.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start))) as ReportData;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

const jsonForScript = (value: object): string => [...jsonForScriptChunks(value)].join('');

describe('esc and jsonForScriptChunks', () => {
  it('escapes every character that can open markup or end an attribute', async () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps </script> and <!-- out of embedded JSON while round-tripping the value', async () => {
    const value = { name: '</script><!-- \u2028 & >' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it.each([
    ['small rows', (i: number) => ({ id: i, note: i % 100 === 0 ? '</script>' : `row ${i}`, gone: undefined })],
    ['request-ID lists', (i: number) => Array.from({ length: 1 + (i % 60) }, (_, n) => `req-${i}-${n}-0123456789abcdef`)],
    ['elements with no JSON form', (i: number) => (i % 3 === 0 ? undefined : i % 3 === 1 ? () => i : `x${i}`)],
  ])('writes the same JSON as JSON.stringify, in pieces of about 16 K characters (%s)', async (_, element) => {
    const rows = Array.from({ length: 3000 }, (_, i) => element(i));
    const value = { first: 1, rows, empty: [], skipped: undefined, nested: { list: [1, [2, 3]] }, last: 'x' };
    const pieces = [...jsonForScriptChunks(value)];
    const whole = pieces.join('');
    const scriptSafe = (json: string) => json.replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(whole).toBe(scriptSafe(JSON.stringify(value)));
    // Under V8's large-object size (128 KiB), whatever the array's length.
    const largestElement = Math.max(...rows.map((row) => scriptSafe(JSON.stringify(row) ?? 'null').length));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(16 * 1024 + largestElement + 1);
    expect(pieces.length).toBeGreaterThan(JSON.stringify(rows).length / (32 * 1024));
  });
});

describe('csvPieces (findings.csv)', () => {
  // V8 keeps a string past Latin-1 at two bytes a character, and strings over 128 KiB in its
  // large-object space until a full collection.
  const storedBytes = (text: string) => text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1);

  it.each([
    ['short rows', (i: number) => [`acct-${i}`, 'PASS', `ok ${i}`]],
    ['long rows with an arrow', (i: number) => [`acct-${i}`, 'FAIL', `rule → target ${'x'.repeat(3000)}`, i % 7 === 0 ? '=HYPERLINK("x")' : 'y']],
  ])('writes what one csv-stringify call would, in pieces that stay out of the large-object space (%s)', async (_name, row) => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i));
    async function* each() {
      yield* rows;
    }
    const pieces: string[] = [];
    for await (const piece of csvPieces(each())) pieces.push(piece);
    expect(pieces.join('')).toBe(stringify(rows.map((r) => r.map(neutralizeFormula))));
    const longestRow = Math.max(...rows.map((r) => r.join('').length));
    for (const piece of pieces) expect(storedBytes(piece)).toBeLessThan(128 * 1024);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(CSV_CHARS_PER_CALL + 2 * longestRow);
  });
});

describe('htmlReporter', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderHtmlReport(reportInput());
  });

  it('is the html format written to report.html', async () => {
    expect(htmlReporter.format).toBe('html');
    expect(htmlReporter.fileName).toBe('report.html');
    expect(await htmlReporter.render(reportInput())).toBe(html);
  });

  it('is self-contained: no external stylesheet, script, image, font or import', async () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  it('allows only its own inline style and script, by hash, and no network', async () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${sha256(STYLES)}'`);
    expect(csp).toContain(`script-src 'sha256-${sha256(CLIENT_SCRIPT)}'`);
    expect(html).toContain(`<style>${STYLES}</style>`);
    expect(html).toContain(`<script>${CLIENT_SCRIPT}</script>`);
  });

  it('never emits hostile resource names as markup, yet keeps them verbatim in the data', async () => {
    expect(html).not.toContain(HOSTILE_IMG);
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const resources = embeddedData(html).findings.map((f) => f[3]);
    expect(resources).toContain(HOSTILE_IMG);
    expect(resources).toContain(HOSTILE_SCRIPT);
  });

  it('shows run facts and coverage in the header', async () => {
    expect(html).toContain('smb-competency version 2025-08');
    expect(html).toContain('<dt>Deployment model</dt><dd>saas</dd>');
    expect(html).toContain('arn:aws:sts::999999999999:assumed-role/PartnerAuditRole/audit');
    expect(html).toContain('2026-11-20 09:00:00 UTC');
    expect(html).toContain('partner-audit 0.1.0');
    expect(html).toContain('<strong>4</strong> accounts: 2 scanned, 1 partial, 1 failed');
    expect(html).toContain('1 account-region skipped: opt-in region not enabled');
    expect(html).toContain('Could not assume PartnerAuditRole: AccessDenied');
    expect(html).not.toContain('Incomplete scan');
  });

  it('warns when the scan did not complete', async () => {
    const input = reportInput();
    input.manifest.complete = false;
    expect(await renderHtmlReport(input)).toContain('Incomplete scan');
  });

  it('charts the requirement and finding status counts', async () => {
    const bars = (figure: number) =>
      Object.fromEntries(
        [...html.split('<figure class="chart">')[figure]!.matchAll(/data-status="(\w+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]),
      );
    expect(bars(1)).toEqual(EXPECTED.requirementCounts);
    expect(bars(2)).toEqual(EXPECTED.findingCounts);
  });

  it('embeds the matrix, checks, attestations and findings as data', async () => {
    const data = embeddedData(html);
    expect(data.accounts.map((a) => a.id)).toEqual(['111111111111', '222222222222', '333333333333', '444444444444']);
    expect(data.requirements).toHaveLength(EXPECTED.requirements);
    const cells = Object.fromEntries(data.requirements.map((r) => [r.id, r.cells]));
    expect(cells).toMatchObject({ 'IAM-002': 'PFPE', 'OPE-001': 'AAME', 'REL-001': 'NNNN' });
    expect(data.requirements.find((r) => r.id === 'REL-001')?.applies).toBe(false);
    expect(data.findings).toHaveLength(25);
    expect(data.attestations.map((a) => a.owner).sort()).toEqual(['Dana Architect <dana@example.com>', 'Ops on-call', 'Security team']);
    const imdsChecks = data.requirements.find((r) => r.id === 'AWSAPI-004')!.checks.map((c) => data.checks[c]!.id);
    expect(imdsChecks).toEqual(['ec2-imdsv2-required']);
  });

  it('cuts oversized evidence and says how long it was', async () => {
    const input = reportInput();
    input.results.findings[0]!.evidence = { blob: 'x'.repeat(EVIDENCE_MAX_CHARS * 2) };
    const data = embeddedData(await renderHtmlReport(input));
    const [text, fullLength] = data.evidence[data.findings[0]![8]]!;
    expect(text).toHaveLength(EVIDENCE_MAX_CHARS);
    expect(fullLength).toBe(EVIDENCE_MAX_CHARS * 2 + '{"blob":""}'.length);
  });

  it('shows an account named by a result even when the account list lacks it', async () => {
    const input = reportInput();
    input.results.accounts.pop();
    const data = embeddedData(await renderHtmlReport(input));
    expect(data.accounts.at(-1)).toMatchObject({ id: '444444444444', status: 'UNLISTED' });
    expect(data.findings).toHaveLength(25);
  });
});

describe('what changed since the baseline', () => {
  let section: string;
  beforeAll(async () => {
    const html = await renderHtmlReport(withBaseline(reportInput()));
    section = html.slice(html.indexOf('<section class="changes"'), html.indexOf('</section>', html.indexOf('<section class="changes"')));
  });

  it('lists newly failing and fixed requirements with their accounts, and new and gone accounts', async () => {
    expect(section).toContain('What changed since 2026-11-13 09:00:00 UTC');
    const block = (name: string) => section.slice(section.indexOf(`data-change="${name}"`)).split('</div>')[0]!;
    expect(block('Newly failing')).toContain('<a href="#/req/IAM-002">IAM-002</a>: 1 account <span class="muted">(222222222222)');
    expect(block('Newly failing')).not.toContain('AWSAPI-004');
    expect(block('Fixed')).toContain('<a href="#/req/AWSAPI-004">AWSAPI-004</a>: 1 account');
    expect(block('Accounts')).toContain('<li>New: 1 <span class="muted">(444444444444)');
    expect(block('Accounts')).toContain('<li>Gone: 1 <span class="muted">(555555555555)');
  });

  it('is absent without a baseline', async () => {
    expect(await renderHtmlReport(reportInput())).not.toContain('<section class="changes"');
  });
});

describe('a 500-account, 16-region run', () => {
  const input = largeReportInput({ accounts: 500, regions: 16 });

  it('stays under 15 MB with every finding embedded when the cap allows them all', async () => {
    const html = await renderHtmlReport(input, 50_000);
    const bytes = Buffer.byteLength(html);
    console.info(`500 × 16 report: ${(bytes / 1_048_576).toFixed(1)} MiB, ${input.results.findings.length} findings`);
    expect(bytes).toBeLessThan(15 * 1024 * 1024);
    const data = embeddedData(html);
    expect(data.findings).toHaveLength(input.results.findings.length);
    expect(data.findingsOmitted).toBe(0);
    expect(html).not.toContain('id="findings-cap"');
    expect(data.accounts).toHaveLength(500);
    const omitted = data.findings.filter((f) => f[8] === EVIDENCE_OMITTED);
    expect(data.evidenceOmitted).toBeGreaterThan(0);
    expect(omitted).toHaveLength(data.evidenceOmitted);
    expect(omitted.every((f) => f[4] === 'P')).toBe(true);
  });

  it('past the cap keeps the worst findings, counts all of them and links the full list', async () => {
    const cap = 2_000;
    const html = await renderHtmlReport(input, cap);
    const data = embeddedData(html);
    const total = input.results.findings.length;
    expect(data.findings).toHaveLength(cap);
    expect(data.findingsOmitted).toBe(total - cap);
    expect(data.findingsFile).toBe(FULL_LIST_FILE);
    expect(html).toContain(`lists the ${cap} most severe of ${total} findings`);
    expect(html).toContain(`<a href="${FULL_LIST_FILE}">`);
    // Every open failure is kept before any pass, and the matrix still covers every account.
    const failing = input.results.findings.filter((f) => f.status === 'FAIL' && !f.advisory).length;
    expect(failing).toBeLessThan(cap);
    expect(data.findings.filter((f) => f[4] === 'F')).toHaveLength(failing);
    expect(data.accounts).toHaveLength(500);
    const chart = html.split('<figure class="chart">')[2]!;
    expect(Number(/data-status="PASS" data-count="(\d+)"/.exec(chart)![1])).toBe(input.results.findings.filter((f) => f.status === 'PASS').length);
  });

  it('writes the full list beside the page when it is capped, one row per finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-html-cap-'));
    try {
      const small = largeReportInput({ accounts: 20, regions: 16 });
      await htmlReporter.write(small, join(dir, 'report.html'));
      expect(existsSync(join(dir, FULL_LIST_FILE))).toBe(false);
      const perAccount = small.results.findings.length / 20;
      const big = largeReportInput({ accounts: Math.ceil(HTML_MAX_FINDINGS / perAccount) + 5, regions: 16 });
      expect(big.results.findings.length).toBeGreaterThan(HTML_MAX_FINDINGS);
      await htmlReporter.write(big, join(dir, 'report.html'));
      const lines = readFileSync(join(dir, FULL_LIST_FILE), 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(big.results.findings.length + 1);
      expect(lines[0]).toMatch(/^\uFEFFFinding,Check,/);
      // Rows are stringified in batches: every finding, the last partial batch too, in results order.
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(big.results.findings.map(findingId));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

