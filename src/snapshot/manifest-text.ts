// The manifest's text in pieces. At 1,000 accounts the whole pretty-printed manifest is 5 MB, and
// the writer rewrites it every second or two: built as one string (and one buffer) each time, it
// lands straight in V8's large-object space and glibc's heap, and the process's peak memory grew
// with the organization. In pieces of a few dozen KB it stays in the young generation.

import type { Manifest } from './manifest.js';

/** About 50 KB at the 3 KB an account entry takes in a scan with every check. */
const ACCOUNTS_PER_PIECE = 16;
/** How `JSON.stringify(m, null, 2)` writes the top-level key with an empty array. */
const EMPTY_ACCOUNTS = '\n  "accounts": []';
/** What wraps the entries in `JSON.stringify({ accounts }, null, 2)`: inside it they are indented as in the manifest. */
const WRAPPER_OPEN = '{\n  "accounts": [\n';
const WRAPPER_CLOSE = '\n  ]\n}';

/** Byte for byte `${JSON.stringify(manifest, null, 2)}\n`, ACCOUNTS_PER_PIECE account entries at a time. */
export function* manifestText(manifest: Manifest): Generator<string> {
  const outline = JSON.stringify({ ...manifest, accounts: [] }, null, 2);
  const { accounts } = manifest;
  if (accounts.length === 0) {
    yield `${outline}\n`;
    return;
  }
  // Strings inside the JSON escape their line breaks, so only the key itself matches.
  const at = outline.indexOf(EMPTY_ACCOUNTS);
  for (let start = 0; start < accounts.length; start += ACCOUNTS_PER_PIECE) {
    const wrapped = JSON.stringify({ accounts: accounts.slice(start, start + ACCOUNTS_PER_PIECE) }, null, 2);
    const entries = wrapped.slice(WRAPPER_OPEN.length, wrapped.length - WRAPPER_CLOSE.length);
    yield start === 0 ? `${outline.slice(0, at)}\n  "accounts": [\n${entries}` : `,\n${entries}`;
  }
  yield `\n  ]${outline.slice(at + EMPTY_ACCOUNTS.length)}\n`;
}
