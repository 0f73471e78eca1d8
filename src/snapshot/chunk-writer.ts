// Writes text produced piece by piece (a streamed results file, a report) without building one
// giant string: chunks are encoded into one reused buffer, which is written out whenever it fills.

import { open } from 'node:fs/promises';

/**
 * The buffer's size. A fresh Buffer per write would live outside V8's heap until a garbage
 * collection, and batched chunks kept alive that long are promoted to the old generation: writing a
 * 160 MB results file that way grew the process by tens of MB.
 */
const WRITE_BUFFER_BYTES = 64 * 1024;

const encoder = new TextEncoder();

/** Writes the chunks to `path` (created or truncated) as UTF-8; returns the byte count. */
export async function writeChunks(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const file = await open(path, 'w');
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  let used = 0;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    await file.write(buffer, 0, used);
    bytes += used;
    used = 0;
  };
  try {
    for await (const chunk of chunks) {
      // encodeInto stops before a character that does not fit, never inside one.
      for (let at = 0; at < chunk.length; ) {
        const { read, written } = encoder.encodeInto(at === 0 ? chunk : chunk.slice(at), buffer.subarray(used));
        used += written;
        at += read;
        if (at < chunk.length) await flush();
      }
    }
    if (used > 0) await flush();
  } finally {
    await file.close();
  }
  return bytes;
}
