// Reading a run's large files (datasets, results.json, everything hashed for SHA256SUMS) in order.

import { open, type FileHandle } from 'node:fs/promises';

const READ_CHUNK_BYTES = 64 * 1024;

/**
 * Buffers of finished reads, lent to the next ones. Hashing a run allocates so little on V8's heap
 * that no garbage collection comes to free a fresh buffer per file: sealing a 1,000-account run
 * (1,006 files) piled up 32 MB of them (docs/performance.md). Readers at once are few
 * (SHA256SUMS hashes 8 files at a time), each with two buffers.
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 16;

const borrow = (): Buffer => spareBuffers.pop() ?? Buffer.allocUnsafe(READ_CHUNK_BYTES);

type Read = Promise<{ bytesRead: number }>;

const into = (file: FileHandle, buffer: Buffer): Read => file.read(buffer, 0, buffer.length, null);

/**
 * The file's bytes in chunks read into two reused buffers: a chunk is valid only until the next one
 * is asked for, or the reading ends. While the caller works on one chunk the next is read into the
 * other buffer: waiting for each read in turn left re-judging a 1,000-account run idle a fifth of
 * its time. An fs stream's fresh Buffer per chunk lives outside V8's heap until a garbage
 * collection frees it, and readers this fast piled up to 60 MB of them.
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const buffers = [borrow(), borrow()] as const;
  let reading: Read | undefined = into(file, buffers[0]);
  try {
    for (let turn = 0; ; turn = 1 - turn) {
      const { bytesRead } = await reading;
      reading = undefined;
      if (bytesRead === 0) return;
      const chunk = buffers[turn]!.subarray(0, bytesRead);
      reading = into(file, buffers[1 - turn]!);
      yield chunk;
    }
  } finally {
    // A read still going writes into its buffer: it ends before the buffers are lent again.
    await reading?.catch(() => undefined);
    for (const buffer of buffers) if (spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(buffer);
    await file.close();
  }
}
