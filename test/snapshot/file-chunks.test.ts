// fileChunks: one reused buffer per read, lent to the next read once it ends.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  it('lends a finished read’s buffer to the next read', async () => {
    const [first, second] = await filesWith([content(1), content(2)]);
    const seen = new Set<ArrayBufferLike>();
    for (const path of [first!, second!]) for await (const chunk of fileChunks(path)) seen.add(chunk.buffer);
    expect(seen.size).toBe(1);
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

  it('takes the buffer back from a read stopped early', async () => {
    const [first, second] = await filesWith([content(20), content(21)]);
    let stoppedIn: ArrayBufferLike | undefined;
    for await (const chunk of fileChunks(first!)) {
      stoppedIn = chunk.buffer;
      break;
    }
    const parts: Buffer[] = [];
    for await (const chunk of fileChunks(second!)) {
      expect(chunk.buffer).toBe(stoppedIn);
      parts.push(Buffer.from(chunk));
    }
    expect(Buffer.concat(parts).equals(content(21))).toBe(true);
  });
});
