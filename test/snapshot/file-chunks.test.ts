// fileChunks: two reused buffers per read (one read ahead), lent to the next read once it ends.

import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileChunks } from '../../src/snapshot/file-chunks.js';

async function filesWith(contents: Buffer[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pa-chunks-'));
  return Promise.all(
    contents.map(async (content, i) => {
      const path = join(dir, `f${i}`);
      await writeFile(path, content);
      return path;
    }),
  );
}

/** 200 KB (four chunks) of bytes that differ from file to file and from chunk to chunk. */
function content(seed: number): Buffer {
  return Buffer.from(Array.from({ length: 200_000 }, (_, i) => (seed * 31 + Math.floor(i / 7)) % 251));
}

describe('fileChunks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lends a finished read’s two buffers to the next read', async () => {
    const [first, second] = await filesWith([content(1), content(2)]);
    const seen = new Set<ArrayBufferLike>();
    for (const path of [first!, second!]) for await (const chunk of fileChunks(path)) seen.add(chunk.buffer);
    expect(seen.size).toBe(2);
  });

  it('reads the next chunk while the caller holds this one, into the other buffer', async () => {
    const [path] = await filesWith([content(5)]);
    const probe = await open(path!, 'r');
    const reads = vi.spyOn(Object.getPrototypeOf(probe) as { read: () => unknown }, 'read');
    await probe.close();
    const parts: Buffer[] = [];
    let chunks = 0;
    for await (const chunk of fileChunks(path!)) {
      chunks += 1;
      const copy = Buffer.from(chunk);
      // The read ahead finishes while this chunk is held: it must not have written into it.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(reads).toHaveBeenCalledTimes(chunks + 1);
      expect(chunk.equals(copy)).toBe(true);
      parts.push(copy);
    }
    expect(Buffer.concat(parts).equals(content(5))).toBe(true);
  });

  it('gives reads at once buffers of their own, so each reads its own bytes', async () => {
    const contents = Array.from({ length: 10 }, (_, i) => content(i + 3));
    const paths = await filesWith(contents);
    const read = async (path: string): Promise<Buffer> => {
      const parts: Buffer[] = [];
      for await (const chunk of fileChunks(path)) {
        parts.push(Buffer.from(chunk));
        // Let the other reads run between this read's chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return Buffer.concat(parts);
    };
    const results = await Promise.all(paths.map(read));
    results.forEach((bytes, i) => expect(bytes.equals(contents[i]!)).toBe(true));
  });

  it('takes both buffers back from a read stopped early, once its read ahead has ended', async () => {
    const [first, second] = await filesWith([content(20), content(21)]);
    const lent = new Set<ArrayBufferLike>();
    for await (const chunk of fileChunks(first!)) {
      lent.add(chunk.buffer);
      break;
    }
    const parts: Buffer[] = [];
    for await (const chunk of fileChunks(second!)) {
      lent.add(chunk.buffer);
      parts.push(Buffer.from(chunk));
    }
    expect(lent.size).toBe(2);
    expect(Buffer.concat(parts).equals(content(21))).toBe(true);
  });
});
