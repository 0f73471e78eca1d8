// Writes text produced piece by piece (a streamed results file, a report) without building one
// giant string: chunks are batched into slices and appended.

import { open } from 'node:fs/promises';

/** Text is written in slices of about this many characters, never as one huge Buffer copy. */
const WRITE_SLICE_CHARS = 4 * 1024 * 1024;

/** Writes the chunks to `path` (created or truncated); returns the byte count. */
export async function writeChunks(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const file = await open(path, 'w');
  let bytes = 0;
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async (): Promise<void> => {
    const buffer = Buffer.from(batch.join(''));
    await file.write(buffer);
    bytes += buffer.byteLength;
    batch = [];
    batchChars = 0;
  };
  try {
    for await (const chunk of chunks) {
      batch.push(chunk);
      batchChars += chunk.length;
      if (batchChars >= WRITE_SLICE_CHARS) await flush();
    }
    await flush();
  } finally {
    await file.close();
  }
  return bytes;
}

/** Splits a string into slices of WRITE_SLICE_CHARS for writeChunks. */
export function* slices(content: string): Iterable<string> {
  for (let at = 0; at < content.length; at += WRITE_SLICE_CHARS) yield content.slice(at, at + WRITE_SLICE_CHARS);
}
