// Reading a run's large files (datasets, results.json, everything hashed for SHA256SUMS) in order.

import { open } from 'node:fs/promises';

const READ_CHUNK_BYTES = 64 * 1024;

/**
 * The file's bytes in chunks read into one reused buffer: a chunk is valid only until the next one
 * is asked for. An fs stream's fresh Buffer per chunk lives outside V8's heap until a garbage
 * collection frees it, and readers this fast piled up to 60 MB of them.
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
