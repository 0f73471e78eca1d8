import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/contract/results.js';
import { csvReporter, neutralizeFormula } from '../../src/report/csv.js';
import { findingId } from '../../src/report/findings.js';
import { worstStatus } from '../../src/report/status.js';
import { xlsxReporter } from '../../src/report/xlsx.js';
import { withFindings } from '../fixtures/report-input.js';
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

/** Columns of the Requirements table: AWS's self-assessment layout first, then ours. */
const COL = { id: 0, requirement: 1, met: 2, comments: 3, judged: 5, status: 8, firstAccount: 9 } as const;

describe('self-assessment CSV', () => {
  const input = syntheticRun({ accounts: 3, regions: 2 });
  const accountIds = input.results.accounts.map((a) => a.accountId);
  const accountColumns = (row: string[]) => row.slice(COL.firstAccount, COL.firstAccount + accountIds.length);

  it('leads with the columns of the AWS self-assessment sheet, one row per checklist requirement', async () => {
    const rows = await readCsv((await csvReporter.render(input)) as string);
    const [header, ...body] = rows;
    expect(header).toEqual([
      'ID', 'Requirement', 'Met', 'Evidence / comments', 'Section', 'Judged', 'Applies to', 'Automation', 'Status',
      ...input.results.accounts.map((a) => `${a.accountId} (${a.name})`),
      'Report page', 'References',
    ]);
    expect(body.map((r) => r[COL.id])).toEqual(input.checklist.requirements.map((r) => r.id));
    expect(body.map((r) => r[COL.requirement])).toEqual(input.checklist.requirements.map((r) => r.title));
  });

  it('says Yes only for PASS and ATTESTED, and No with the status otherwise', async () => {
    const rows = (await readCsv((await csvReporter.render(input)) as string)).slice(1);
    for (const row of rows) {
      const met = row[COL.status] === 'PASS' || row[COL.status] === 'ATTESTED';
      expect(row[COL.met]).toBe(met ? 'Yes' : 'No');
      if (!met) expect(row[COL.comments]!.startsWith(`${row[COL.status]}: `)).toBe(true);
    }
    expect(rows.find((r) => r[COL.id] === 'SUP-001')![COL.met]).toBe('Yes');
    expect(rows.some((r) => r[COL.met] === 'No')).toBe(true);
  });

  it('rolls an account-level requirement up as the worst per-account status', async () => {
    const rows = await readCsv((await csvReporter.render(input)) as string);
    for (const row of rows.slice(1).filter((r) => r[COL.judged] === 'per account')) {
      const own = input.results.requirements.filter((r) => r.requirementId === row[COL.id]);
      expect(accountColumns(row)).toEqual(accountIds.map((id) => own.find((r) => r.accountId === id)!.status));
      expect(row[COL.status]).toBe(worstStatus(own.map((r) => r.status)));
    }
  });

  it('gives a partner-level requirement its one status and no account columns', async () => {
    const rows = await readCsv((await csvReporter.render(input)) as string);
    const doc = rows.find((r) => r[COL.id] === 'DOC-001')!;
    expect(doc[COL.judged]).toBe('once for the partner');
    expect(doc[COL.status]).toBe('MANUAL');
    expect(accountColumns(doc)).toEqual(['', '', '']);
    expect(doc[COL.comments]).toBe('MANUAL: Awaiting attestation for the partner: an architecture diagram.');
  });

  it('states the evidence in plain words and references the report page, findings and dataset files', async () => {
    const rows = await readCsv((await csvReporter.render(input)) as string);
    const secops = rows.find((r) => r[COL.id] === 'SECOPS-007')!;
    const guardduty = input.results.findings.filter((f) => f.checkId === 'guardduty-enabled');
    const passed = guardduty.filter((f) => f.status === 'PASS').length;
    const evaluated = guardduty.filter((f) => f.status !== 'NOT_APPLICABLE').length;
    expect(secops[COL.comments]).toContain(`GuardDuty is enabled in every region: passed ${passed} of ${evaluated} evaluations (2 regions, 3 accounts)`);
    expect(secops.at(-2)).toBe('report.html#/req/SECOPS-007');
    const references = secops.at(-1)!.split('\n');
    const failing = guardduty.find((f) => f.status === 'FAIL');
    expect(failing).toBeDefined();
    expect(references).toContain(findingId(failing!));
    expect(references).toEqual(expect.arrayContaining(accountIds.map((id) => `datasets/${id}.jsonl`)));
    const support = rows.find((r) => r[COL.id] === 'SUP-001')!;
    expect(support[COL.comments]).toBe('Attested met by ops@example.com on 2026-11-01 (evidence: docs/support-plan.pdf) for 3/3 accounts.');
    expect(support.at(-1)).toBe('docs/support-plan.pdf');
  });

  it('marks a requirement without any recorded result as NOT_EVALUATED', async () => {
    const partial = { ...input, results: { ...input.results, requirements: input.results.requirements.filter((r) => r.requirementId !== 'REL-001') } };
    const rows = await readCsv((await csvReporter.render(partial)) as string);
    const rel = rows.find((r) => r[COL.id] === 'REL-001')!;
    expect(rel[COL.status]).toBe('NOT_EVALUATED');
    expect(rel[COL.met]).toBe('No');
    expect(accountColumns(rel)).toEqual(['NOT_EVALUATED', 'NOT_EVALUATED', 'NOT_EVALUATED']);
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

  it('gives each open finding the remediation of its check and each excepted one its exception', async () => {
    const failing = input.results.findings.findIndex((f) => f.status === 'FAIL');
    const copied = structuredClone(input.results.findings);
    const excepted = withFindings(input, copied);
    excepted.results.findings[failing]!.exception = { reason: 'legacy', owner: 'ops', expires: '2027-01-01', expired: false };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await xlsxReporter.render(excepted)) as Uint8Array) as never);
    const sheet = workbook.getWorksheet('Findings')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const row = (sheet.getRow(failing + 2).values as string[]).slice(1);
    const check = input.checks.find((c) => c.id === input.results.findings[failing]!.checkId)!;
    expect(row[header.indexOf('Remediation')]).toBe(check.remediation);
    expect(row[header.indexOf('Exception')]).toBe('accepted by ops until 2027-01-01: legacy');
  });

  it('sets readable column widths', async () => {
    const sheet = (await load()).getWorksheet('Requirements')!;
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(60);
    expect(sheet.getColumn(sheet.columnCount).width).toBeGreaterThanOrEqual(60);
  });
});

describe('self-assessment for a requirement that does not apply', () => {
  it('says why instead of claiming no evidence', async () => {
    const input = syntheticRun({ accounts: 2, regions: 1 });
    const rows = await readCsv((await csvReporter.render(input)) as string);
    expect(rows.find((r) => r[0] === 'CO-001')![3]).toBe(
      'NOT_APPLICABLE: Not applicable for the partner: applies to customer-deployed offerings only.',
    );
  });
});
