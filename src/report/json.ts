// results.json: the Results object as is (schema in docs/results.schema.json). Top-level fields are
// indented; each finding and requirement result sits on one line of its own.

import { RESULTS_FILE } from '../snapshot/manifest.js';
import type { Results } from '../contract/results.js';
import { chunkedReporter } from './chunked.js';

export const jsonReporter = chunkedReporter({ format: 'json', fileName: RESULTS_FILE }, ({ results }) => resultsChunks(results));

function* resultsChunks(results: Results): Iterable<string> {
  const entries = Object.entries(results);
  yield '{\n';
  for (const [index, [key, value]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let i = 0; i < value.length; i += 1) yield `    ${JSON.stringify(value[i])}${i < value.length - 1 ? ',' : ''}\n`;
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
    }
  }
  yield '}\n';
}
