// fileLines: the line reader under datasets files and results.json.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLines } from '../../src/snapshot/lines.js';

async function fileWith(content: string | Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'pa-lines-')), 'f.jsonl');
  await writeFile(path, content);
  return path;
}

async function linesOf(content: string | Buffer): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of fileLines(await fileWith(content))) lines.push(line);
  return lines;
}

describe('fileLines', () => {
  it.each([
    { name: 'lines ended by \\n', content: 'a\nb\n', lines: ['a', 'b'] },
    { name: 'a last line without a break', content: 'a\nb', lines: ['a', 'b'] },
    { name: 'lines ended by \\r\\n (a file edited on Windows)', content: 'a\r\nb\r\n', lines: ['a', 'b'] },
    { name: 'empty lines kept, for the caller to skip', content: 'a\n\nb\n', lines: ['a', '', 'b'] },
    { name: 'an empty file', content: '', lines: [] },
  ])('reads $name', async ({ content, lines }) => {
    expect(await linesOf(content)).toEqual(lines);
  });

  it('joins a line longer than a read chunk, with a multi-byte character cut between chunks', async () => {
    // fileLines reads 64 KiB at a time; after "first\n" (6 bytes), "é" (2 bytes) starts on byte
    // 65,535, the first chunk's last, and the line runs on over three more chunks.
    const long = `${'x'.repeat(65_529)}é${'y'.repeat(200_000)}`;
    expect(await linesOf(`first\n${long}\nlast`)).toEqual(['first', long, 'last']);
  });

  it('stops reading when the caller stops', async () => {
    const path = await fileWith('a\nb\nc\n');
    const seen: string[] = [];
    for await (const line of fileLines(path)) {
      seen.push(line);
      if (line === 'b') break;
    }
    expect(seen).toEqual(['a', 'b']);
  });

  it('fails for a file that does not exist', async () => {
    const read = async () => {
      for await (const line of fileLines('/nonexistent/f.jsonl')) void line;
    };
    await expect(read()).rejects.toThrow(/ENOENT/);
  });
});
