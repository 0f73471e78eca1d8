// manifest.json in the layout the writer gives it (`JSON.stringify(manifest, null, 2)`, written in
// pieces by manifest-text.ts), read in chunks and split into its head and its account entries.
// Parsed whole, a 1,000-account manifest (5 MB) sat in memory as one string while its whole tree was
// built, and that read was the highest point of the evaluation in a 512 MB container (issue 14).
// A file in another layout (compact, indented otherwise, CRLF line ends) is left to the caller.

import { fileChunks } from './file-chunks.js';

const ACCOUNTS_OPEN = Buffer.from('\n  "accounts": [\n');
const ACCOUNTS_CLOSE = Buffer.from('\n  ]');
const ENTRY_OPEN = Buffer.from('    {\n');
/** Nested objects close deeper, so only an entry's own closing brace follows a line break and four spaces. */
const ENTRY_CLOSE = Buffer.from('\n    }');
const ENTRY_SEPARATOR = Buffer.from(',\n');
const EMPTY_ACCOUNTS = Buffer.from('\n  "accounts": []');

type Part = 'head' | 'entries' | 'tail';

/**
 * The manifest's text with an empty account list, with each account entry's text given to
 * `onEntry` in file order; undefined when the file is not in the writer's layout.
 */
export async function scanManifest(path: string, onEntry?: (text: string, index: number) => void): Promise<string | undefined> {
  const head: Buffer[] = [];
  let part: Part = 'head';
  let carry: Buffer | undefined;
  let index = 0;
  for await (const chunk of fileChunks(path)) {
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    let at = 0;
    // Each step consumes what it can decide on; the rest waits for the next chunk.
    for (let step = true; step; ) {
      if (part === 'head') {
        const open = bytes.indexOf(ACCOUNTS_OPEN, at);
        // Keep the last bytes back: they may begin the account list.
        const until = open === -1 ? Math.max(at, bytes.length - ACCOUNTS_OPEN.length) : open;
        head.push(Buffer.from(bytes.subarray(at, until)));
        at = open === -1 ? until : open + ACCOUNTS_OPEN.length;
        step = open !== -1;
        if (step) part = 'entries';
      } else if (part === 'entries') {
        if (bytes.length - at < ENTRY_OPEN.length) break;
        if (!startsAt(bytes, ENTRY_OPEN, at)) return undefined;
        const close = bytes.indexOf(ENTRY_CLOSE, at);
        const end = close + ENTRY_CLOSE.length;
        if (close === -1 || bytes.length < end + ACCOUNTS_CLOSE.length) break;
        onEntry?.(bytes.toString('utf8', at, end), index);
        index += 1;
        if (startsAt(bytes, ENTRY_SEPARATOR, end)) at = end + ENTRY_SEPARATOR.length;
        else if (!startsAt(bytes, ACCOUNTS_CLOSE, end)) return undefined;
        else {
          head.push(EMPTY_ACCOUNTS);
          at = end + ACCOUNTS_CLOSE.length;
          part = 'tail';
        }
      } else {
        head.push(Buffer.from(bytes.subarray(at)));
        at = bytes.length;
        step = false;
      }
    }
    // The chunk's buffer is lent to the next read: what waits is copied.
    carry = at < bytes.length ? Buffer.from(bytes.subarray(at)) : undefined;
  }
  if (part !== 'tail') return undefined;
  return Buffer.concat(head).toString('utf8');
}

function startsAt(bytes: Buffer, expected: Buffer, at: number): boolean {
  return bytes.length >= at + expected.length && expected.equals(bytes.subarray(at, at + expected.length));
}
