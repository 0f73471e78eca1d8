// Reading a run's large files (datasets, results.json, everything hashed for SHA256SUMS) in order.

import { open } from 'node:fs/promises';

const READ_CHUNK_BYTES = 64 * 1024;

/**
 * Buffers of finished reads, lent to the next ones. Hashing a run allocates so little on V8's heap
 * that no garbage collection comes to free a fresh buffer per file: sealing a 1,000-account run
 * (1,006 files) piled up 32 MB of them (docs/performance.md). Readers at once are few
 * (SHA256SUMS hashes 8 files at a time).
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 16;

/**
 * The file's bytes in chunks read into one reused buffer: a chunk is valid only until the next one
 * is asked for, or the reading ends. An fs stream's fresh Buffer per chunk lives outside V8's heap
 * until a garbage collection frees it, and readers this fast piled up to 60 MB of them.
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(READ_CHUNK_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    if (spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(buffer);
    await file.close();
  }
}
