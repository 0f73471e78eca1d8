// Reporters whose output can be tens of megabytes (results, OCSF, ASFF) also produce it as a
// sequence of chunks, so renderReports writes them to disk without building one giant string.
// `render` (the Reporter contract) stays available and returns the same text joined.

import type { ReportInput, Reporter } from './types.js';

export interface ChunkedReporter extends Reporter {
  chunks(input: ReportInput): Iterable<string>;
}

export function chunkedReporter(
  meta: Pick<Reporter, 'format' | 'fileName'>,
  chunks: (input: ReportInput) => Iterable<string>,
): ChunkedReporter {
  return { ...meta, chunks, render: async (input) => [...chunks(input)].join('') };
}

export function isChunked(reporter: Reporter): reporter is ChunkedReporter {
  return typeof (reporter as Partial<ChunkedReporter>).chunks === 'function';
}

/** A JSON array with one compact item per line: valid JSON that diffs and greps well. */
export function* jsonArrayChunks<T>(items: readonly T[], toJson: (item: T) => unknown = (item) => item): Iterable<string> {
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < items.length; i += 1) {
    yield `${JSON.stringify(toJson(items[i]!))}${i < items.length - 1 ? ',' : ''}\n`;
  }
  yield ']\n';
}
