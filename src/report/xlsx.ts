// self-assessment.xlsx: a Requirements sheet (one row per checklist requirement) and a Findings
// sheet, header rows frozen and filterable. Written with exceljs' streaming writer so a large run
// does not hold a full workbook model in memory.

import { stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { buildSelfAssessment, findingsTable, type TableColumn } from './self-assessment.js';
import type { FileReporter, ReportInput } from './types.js';
import { viewNote } from './view.js';

/** exceljs and its zip stack are 660 modules (0.6 s to load): loaded when a workbook is written, not at every start. */
async function workbookWriter(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>): Promise<Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false, ...options });
}

/** Excel refuses cells longer than this. */
const MAX_CELL = 32_767;

export const xlsxReporter: FileReporter = {
  format: 'xlsx',
  fileName: 'self-assessment.xlsx',
  render: async (input) => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeWorkbook(input, await workbookWriter({ stream }));
    return Buffer.concat(chunks);
  },
  // Straight to the file: the Findings sheet grows with the run, the memory must not.
  write: async (input, path) => {
    await writeWorkbook(input, await workbookWriter({ filename: path }));
    return (await stat(path)).size;
  },
};

async function writeWorkbook(input: ReportInput, workbook: Workbook): Promise<void> {
  workbook.creator = `${input.results.tool.name} ${input.results.tool.version}`;
  // Dated by the scan, not by the rendering, so the document properties say when evidence was taken.
  workbook.created = workbook.modified = new Date(input.results.finishedAt);
  const filtered = viewNote(input.view, input.results.selection);
  if (filtered) await writeSheet(workbook, 'Filter', [{ header: 'This workbook is filtered', width: 120, wrap: true }], [[filtered]]);
  const requirements = await buildSelfAssessment(input);
  await writeSheet(workbook, 'Requirements', requirements.columns, requirements.rows);
  const findings = findingsTable(input.findings.each(), input.checks);
  await writeSheet(workbook, 'Findings', findings.columns, findings.rows);
  await workbook.commit();
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

async function writeSheet(workbook: Workbook, name: string, columns: TableColumn[], rows: Iterable<string[]> | AsyncIterable<string[]>): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const wrapped = { alignment: { wrapText: true, vertical: 'top' } } as const;
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.wrap ? { style: wrapped } : {}) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const values of rows) {
    sheet.addRow(values.map((v) => (v.length > MAX_CELL ? `${v.slice(0, MAX_CELL - 1)}…` : v))).commit();
  }
  sheet.commit();
}
