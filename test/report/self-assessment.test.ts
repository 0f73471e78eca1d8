import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/contract/results.js';
import { csvReporter, neutralizeFormula } from '../../src/report/csv.js';
import { findingId } from '../../src/report/findings.js';
import { worstStatus } from '../../src/report/status.js';
import { xlsxReporter } from '../../src/report/xlsx.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

async function readCsv(text: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text.replace(/^\uFEFF/, '')]), {
    parserOptions: { delimiter: ',' },
    map: (value: string) => value,
  } as never);
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('self-assessment CSV', () => {
  const input = syntheticRun({ accounts: 3, regions: 2 });
  const accountIds = input.results.accounts.map((a) => a.accountId);

  it('has one row per checklist requirement with the agreed columns', async () => {
    const rows = await readCsv((await csvReporter.render(input)) as string);
    const [header, ...body] = rows;
    expect(header).toEqual([
      'ID', 'Title', 'Section', 'Applies to', 'Automation', 'Status',
      ...input.results.accounts.map((a) => `${a.accountId} (${a.name})`),
      'Evidence statement', 'References',
    ]);
    expect(body.map((r) => r[0])).toEqual(input.checklist.requirements.map((r) => r.id));
  });

  it('rolls the overall status up as the worst per-account status', async () => {
    const rows = await readCsv((await csvReporter.render(input)) as string);
    for (const row of rows.slice(1)) {
      const perAccount = row.slice(6, 6 + accountIds.length);
      const expected = input.results.requirements
        .filter((r) => r.requirementId === row[0])
        .map((r) => r.status);
      expect(perAccount).toEqual(accountIds.map((id) => input.results.requirements.find((r) => r.requirementId === row[0] && r.accountId === id)!.status));
      expect(row[5]).toBe(worstStatus(expected));
    }
  });

  it('states the evidence in plain words and references findings and dataset files', async () => {
    const rows = await readCsv((await csvReporter.render(input)) as string);
    const secops = rows.find((r) => r[0] === 'SECOPS-007')!;
    const guardduty = input.results.findings.filter((f) => f.checkId === 'guardduty-enabled');
    const passed = guardduty.filter((f) => f.status === 'PASS').length;
    const evaluated = guardduty.filter((f) => f.status !== 'NOT_APPLICABLE').length;
    const statement = secops.at(-2)!;
    expect(statement).toContain(`GuardDuty is enabled in every region: passed ${passed} of ${evaluated} evaluations (2 regions, 3 accounts)`);
    const references = secops.at(-1)!.split('\n');
    const failing = guardduty.find((f) => f.status === 'FAIL');
    expect(failing).toBeDefined();
    expect(references).toContain(findingId(failing!));
    expect(references).toEqual(expect.arrayContaining(accountIds.map((id) => `datasets/${id}.jsonl`)));
    const support = rows.find((r) => r[0] === 'SUP-001')!;
    expect(support.at(-2)).toBe('Attested met by ops@example.com on 2026-11-01 (evidence: docs/support-plan.pdf) for 3/3 accounts.');
    expect(support.at(-1)).toBe('docs/support-plan.pdf');
    const doc = rows.find((r) => r[0] === 'DOC-001')!;
    expect(doc.at(-2)).toBe('Awaiting attestation in 3/3 accounts: an architecture diagram.');
  });

  it('marks a requirement without any recorded result as NOT_EVALUATED', async () => {
    const partial = { ...input, results: { ...input.results, requirements: input.results.requirements.filter((r) => r.requirementId !== 'REL-001') } };
    const rows = await readCsv((await csvReporter.render(partial)) as string);
    const rel = rows.find((r) => r[0] === 'REL-001')!;
    expect(rel[5]).toBe('NOT_EVALUATED');
    expect(rel.slice(6, 9)).toEqual(['NOT_EVALUATED', 'NOT_EVALUATED', 'NOT_EVALUATED']);
  });

  it('keeps text from AWS from running as a spreadsheet formula', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('IAM-002')).toBe('IAM-002');
  });
});

describe('self-assessment XLSX', () => {
  const input = syntheticRun({ accounts: 2, regions: 3 });

  async function load(): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await xlsxReporter.render(input)) as Uint8Array) as never);
    return workbook;
  }

  it('has a Requirements and a Findings sheet with frozen, filterable headers', async () => {
    const workbook = await load();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Requirements', 'Findings']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
  });

  it('lists every requirement and every finding', async () => {
    const workbook = await load();
    const requirements = workbook.getWorksheet('Requirements')!;
    expect(requirements.rowCount).toBe(input.checklist.requirements.length + 1);
    expect(requirements.getRow(2).getCell(1).value).toBe(input.checklist.requirements[0]!.id);
    const findings = workbook.getWorksheet('Findings')!;
    expect(findings.rowCount).toBe(input.results.findings.length + 1);
    const first: Finding = input.results.findings[0]!;
    expect(findings.getRow(2).getCell(1).value).toBe(findingId(first));
    expect(findings.getRow(2).getCell(7).value).toBe(first.status);
  });

  it('sets readable column widths', async () => {
    const sheet = (await load()).getWorksheet('Requirements')!;
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(sheet.columnCount - 1).width).toBeGreaterThanOrEqual(60);
  });
});

describe('self-assessment for a requirement that does not apply', () => {
  it('says why instead of claiming no evidence', async () => {
    const input = syntheticRun({ accounts: 2, regions: 1 });
    const rows = await readCsv((await csvReporter.render(input)) as string);
    expect(rows.find((r) => r[0] === 'CO-001')!.at(-2)).toBe(
      'Not applicable in 2/2 accounts: applies to customer-deployed offerings only.',
    );
  });
});
