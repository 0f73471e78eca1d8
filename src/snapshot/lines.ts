// The lines of a run's JSON Lines files (datasets, results.json). node:readline cost more than
// parsing the lines it gave: its line-break regex and string decoder took 16% of re-judging a
// 1,000-account run. Here lines are cut from the file's bytes and decoded whole, once.

import { fileChunks } from './file-chunks.js';

const LF = 0x0a;
const CR = 0x0d;

/** Each line of a UTF-8 file without its `\n` or `\r\n`, the last one too when no break ends it. */
export async function* fileLines(path: string): AsyncGenerator<string> {
  // A line longer than a chunk waits here in pieces, copied (the chunk's buffer is reused) and
  // joined once when its end comes.
  let pieces: Buffer[] = [];
  for await (const chunk of fileChunks(path)) {
    let start = 0;
    for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, end);
      yield decode(pieces.length === 0 ? piece : Buffer.concat([...pieces, piece]));
      pieces = [];
      start = end + 1;
    }
    if (start < chunk.length) pieces.push(Buffer.from(chunk.subarray(start)));
  }
  if (pieces.length > 0) yield decode(Buffer.concat(pieces));
}

function decode(line: Buffer): string {
  const end = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length;
  return line.toString('utf8', 0, end);
}
