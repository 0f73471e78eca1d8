// Every reporter by its --format name, in the order `all` renders them.

import { closestId } from '../catalog/closest.js';
import { UsageError } from '../errors.js';
import { asffReporter } from './asff.js';
import { csvReporter } from './csv.js';
import { htmlReporter } from './html/index.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { ocsfReporter } from './ocsf.js';
import type { Reporter } from './types.js';
import { xlsxReporter } from './xlsx.js';

export const REPORTERS: readonly Reporter[] = [
  jsonReporter,
  htmlReporter,
  markdownReporter,
  csvReporter,
  xlsxReporter,
  ocsfReporter,
  asffReporter,
  junitReporter,
];

export const FORMATS: readonly string[] = REPORTERS.map((r) => r.format);

/** `all`, or a comma-separated list of format names; an unknown name is a usage error. */
export function selectReporters(formats: string | readonly string[]): Reporter[] {
  const names = (typeof formats === 'string' ? formats.split(',') : formats).map((f) => f.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`no report format given; choose from all, ${FORMATS.join(', ')}`);
  if (names.includes('all')) return [...REPORTERS];
  return [...new Set(names)].map((name) => {
    const reporter = REPORTERS.find((r) => r.format === name);
    if (!reporter) {
      const hint = closestId(name, ['all', ...FORMATS], 4);
      throw new UsageError(`unknown report format "${name}"${hint ? ` (did you mean ${hint}?)` : ''}; choose from all, ${FORMATS.join(', ')}`);
    }
    return reporter;
  });
}
