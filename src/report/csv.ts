// self-assessment.csv: one row per checklist requirement, written with csv-stringify.

import { stringify } from 'csv-stringify/sync';
import { buildSelfAssessment, REQUIREMENT_HEADERS, TRAILING_HEADERS } from './self-assessment.js';
import type { Reporter } from './types.js';

export const csvReporter: Reporter = {
  format: 'csv',
  fileName: 'self-assessment.csv',
  render: async (input) => {
    const { accountColumns, rows } = buildSelfAssessment(input);
    const header = [...REQUIREMENT_HEADERS, ...accountColumns, ...TRAILING_HEADERS];
    const body = rows.map((r) => [
      r.id,
      r.title,
      r.section,
      r.appliesTo,
      r.automation,
      r.status,
      ...r.perAccount,
      r.statement,
      r.references,
    ]);
    // The BOM makes spreadsheet programs read the file as UTF-8.
    return stringify([header, ...body].map((row) => row.map(neutralizeFormula)), { bom: true });
  },
};

/** Text from AWS (tags, names) must not run as a formula when the file is opened in a spreadsheet. */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
