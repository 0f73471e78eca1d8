// results.json: the Results object as is (schema in docs/results.schema.json), streamed in the same
// layout the evaluation writes: top-level fields indented, each finding and requirement row on one
// line of its own.

import { RESULTS_FILE } from '../snapshot/manifest.js';
import { resultsJsonChunks } from '../snapshot/results-file.js';
import { chunkedReporter } from './chunked.js';

export const jsonReporter = chunkedReporter({ format: 'json', fileName: RESULTS_FILE }, ({ results, findings }) => {
  const { requirements, exceptions, ...head } = results;
  return resultsJsonChunks({ head, findings: findings.each(), tail: () => ({ requirements, exceptions }) });
});
