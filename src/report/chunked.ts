// Reporters whose output grows with the findings (results, OCSF, ASFF) produce it as a sequence of
// chunks while the findings stream past, so renderReports writes them to disk without building one
// giant string. `render` (the Reporter contract) stays available and returns the same text joined.

import type { ReportInput, Reporter } from './types.js';

export interface ChunkedReporter extends Reporter {
  chunks(input: ReportInput): AsyncIterable<string>;
}

export function chunkedReporter(
  meta: Pick<Reporter, 'format' | 'fileName'>,
  chunks: (input: ReportInput) => AsyncIterable<string>,
): ChunkedReporter {
  return {
    ...meta,
    chunks,
    render: async (input) => {
      const parts: string[] = [];
      for await (const chunk of chunks(input)) parts.push(chunk);
      return parts.join('');
    },
  };
}

export function isChunked(reporter: Reporter): reporter is ChunkedReporter {
  return typeof (reporter as Partial<ChunkedReporter>).chunks === 'function';
}

/** A JSON array with one compact item per line: valid JSON that diffs and greps well. */
export async function* jsonArrayChunks<T>(items: AsyncIterable<T>, toJson: (item: T) => unknown = (item) => item): AsyncGenerator<string> {
  let previous: string | undefined;
  for await (const item of items) {
    yield previous === undefined ? '[\n' : `${previous},\n`;
    previous = JSON.stringify(toJson(item));
  }
  yield previous === undefined ? '[]\n' : `${previous}\n]\n`;
}
