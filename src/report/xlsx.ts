// self-assessment.xlsx: a Requirements sheet (one row per checklist requirement) and a Findings
// sheet, header rows frozen and filterable. Written with exceljs' streaming writer so a large run
// does not hold a full workbook model in memory.

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Finding } from '../contract/results.js';
import {
  buildSelfAssessment,
  FINDING_HEADERS,
  findingRow,
  REQUIREMENT_HEADERS,
  TRAILING_HEADERS,
  type SelfAssessment,
} from './self-assessment.js';
import type { Reporter } from './types.js';

/** Excel refuses cells longer than this. */
const MAX_CELL = 32_767;

interface Column {
  width: number;
  wrap?: boolean;
}

export const xlsxReporter: Reporter = {
  format: 'xlsx',
  fileName: 'self-assessment.xlsx',
  render: async (input) => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = `${input.results.tool.name} ${input.results.tool.version}`;
    // Dated by the scan, not by the rendering, so the document properties say when evidence was taken.
    workbook.created = workbook.modified = new Date(input.results.finishedAt);
    const requirements = requirementRows(buildSelfAssessment(input));
    writeSheet(workbook, 'Requirements', requirementColumns(input.results.accounts.length), requirements);
    writeSheet(workbook, 'Findings', findingColumns(), findingRows(input.results.findings));
    await workbook.commit();
    return Buffer.concat(chunks);
  },
};

function requirementColumns(accountCount: number): Column[] {
  const widths: Record<(typeof REQUIREMENT_HEADERS)[number], number> = {
    ID: 12,
    Title: 48,
    Section: 24,
    'Applies to': 20,
    Automation: 12,
    Status: 16,
  };
  return [
    ...REQUIREMENT_HEADERS.map((header) => ({ width: widths[header], wrap: header === 'Title' })),
    ...Array.from({ length: accountCount }, () => ({ width: 18 })),
    { width: 80, wrap: true },
    { width: 60, wrap: true },
  ];
}

function* requirementRows({ accountColumns, rows }: SelfAssessment): Iterable<string[]> {
  yield [...REQUIREMENT_HEADERS, ...accountColumns, ...TRAILING_HEADERS];
  for (const r of rows) {
    yield [r.id, r.title, r.section, r.appliesTo, r.automation, r.status, ...r.perAccount, r.statement, r.references];
  }
}

function findingColumns(): Column[] {
  const wide = new Set(['Resource', 'Message', 'Finding']);
  return FINDING_HEADERS.map((header) => ({ width: wide.has(header) ? 50 : 16, wrap: header === 'Message' }));
}

function* findingRows(findings: Finding[]): Iterable<string[]> {
  yield [...FINDING_HEADERS];
  for (const finding of findings) yield findingRow(finding);
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

function writeSheet(workbook: Workbook, name: string, columns: Column[], rows: Iterable<string[]>): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const wrapped = { alignment: { wrapText: true, vertical: 'top' } } as const;
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.wrap ? { style: wrapped } : {}) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let first = true;
  for (const values of rows) {
    const row = sheet.addRow(values.map((v) => (v.length > MAX_CELL ? `${v.slice(0, MAX_CELL - 1)}…` : v)));
    if (first) row.font = { bold: true };
    first = false;
    row.commit();
  }
  sheet.commit();
}
