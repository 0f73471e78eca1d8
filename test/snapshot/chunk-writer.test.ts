// writeChunks: streamed text (results.json, reports) encoded through one reused 64 KiB buffer.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeChunks } from '../../src/snapshot/chunk-writer.js';

const BUFFER_BYTES = 64 * 1024;

async function written(chunks: string[]): Promise<{ bytes: number; content: Buffer }> {
  const path = join(await mkdtemp(join(tmpdir(), 'pa-chunks-')), 'out.txt');
  const bytes = await writeChunks(path, chunks);
  return { bytes, content: await readFile(path) };
}

describe('writeChunks', () => {
  it.each([
    { name: 'no chunks', chunks: [] },
    { name: 'empty chunks', chunks: ['', 'a', '', 'b', ''] },
    { name: 'many small lines', chunks: Array.from({ length: 20_000 }, (_, i) => `{"n":${i},"text":"é ✓"}\n`) },
    { name: 'one chunk of several buffers', chunks: ['x'.repeat(3 * BUFFER_BYTES + 17)] },
    // "é" is 2 bytes: it would straddle the buffer's end, so it starts the next write whole.
    { name: 'a 2-byte character at the buffer end', chunks: ['x'.repeat(BUFFER_BYTES - 1), 'é', 'tail'] },
    // A surrogate pair (4 bytes in UTF-8) inside one chunk, across the buffer's end.
    { name: 'an emoji across the buffer end', chunks: [`${'x'.repeat(BUFFER_BYTES - 2)}😀${'y'.repeat(10)}`] },
  ])('writes $name as their UTF-8 bytes, in order', async ({ chunks }) => {
    const expected = Buffer.from(chunks.join(''), 'utf8');
    const { bytes, content } = await written(chunks);
    expect(bytes).toBe(expected.length);
    expect(content.equals(expected)).toBe(true);
  });

  it('passes a failing source on, after closing the file', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'pa-chunks-')), 'out.txt');
    async function* failing(): AsyncGenerator<string> {
      yield 'first\n';
      throw new Error('source broke');
    }
    await expect(writeChunks(path, failing())).rejects.toThrow('source broke');
  });
});
