// self-assessment.csv: one row per checklist requirement, written with csv-stringify.

import { stringify } from '../vendor/csv-stringify.js';
import { buildSelfAssessment } from './self-assessment.js';
import type { Reporter } from './types.js';

export const csvReporter: Reporter = {
  format: 'csv',
  fileName: 'self-assessment.csv',
  render: async (input) => {
    const { columns, rows } = await buildSelfAssessment(input);
    const header = columns.map((c) => c.header);
    // The BOM makes spreadsheet programs read the file as UTF-8.
    return stringify([header, ...rows].map((row) => row.map(neutralizeFormula)), { bom: true });
  },
};

/** Text from AWS (tags, names) must not run as a formula when the file is opened in a spreadsheet. */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
