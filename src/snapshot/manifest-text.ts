// The manifest's text in pieces. At 1,000 accounts the whole pretty-printed manifest is 5 MB, and
// the writer rewrites it every second or two: built as one string (and one buffer) each time, it
// lands straight in V8's large-object space and glibc's heap, and the process's peak memory grew
// with the organization. In pieces of about 64 KB it stays in the young generation.

import type { Manifest } from './manifest.js';

const PIECE_CHARS = 64 * 1024;
/** How `JSON.stringify(m, null, 2)` writes the top-level key with an empty array. */
const EMPTY_ACCOUNTS = '\n  "accounts": []';

/** Byte for byte `${JSON.stringify(manifest, null, 2)}\n`, in pieces of about PIECE_CHARS. */
export function* manifestText(manifest: Manifest): Generator<string> {
  const outline = JSON.stringify({ ...manifest, accounts: [] }, null, 2);
  const { accounts } = manifest;
  if (accounts.length === 0) {
    yield `${outline}\n`;
    return;
  }
  // Strings inside the JSON escape their line breaks, so only the key itself matches.
  const at = outline.indexOf(EMPTY_ACCOUNTS);
  let piece = `${outline.slice(0, at)}\n  "accounts": [\n`;
  for (const [index, account] of accounts.entries()) {
    const separator = index < accounts.length - 1 ? ',\n' : '\n';
    piece += `    ${JSON.stringify(account, null, 2).replaceAll('\n', '\n    ')}${separator}`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}  ]${outline.slice(at + EMPTY_ACCOUNTS.length)}\n`;
}
