// manifest.json in the layout the writer gives it (`JSON.stringify(manifest, null, 2)`, written in
// pieces by manifest-text.ts), split into its head and its account entries without parsing it whole.
// Parsed whole, a 1,000-account manifest (5 MB) sat in V8's large-object space as one string while
// its whole tree was built, and that read was the highest point of the evaluation in a 512 MB
// container (issue 14). A file in another layout (compact, indented otherwise, CRLF line ends) is
// left to the caller to parse whole.

const ACCOUNTS_OPEN = Buffer.from('\n  "accounts": [\n');
const ACCOUNTS_CLOSE = Buffer.from('\n  ]');
const ENTRY_OPEN = Buffer.from('    {\n');
/** Nested objects close deeper, so only an entry's own closing brace follows a line break and four spaces. */
const ENTRY_CLOSE = Buffer.from('\n    }');
const ENTRY_SEPARATOR = Buffer.from(',\n');

export interface ManifestLayout {
  /** The manifest's text with an empty account list. */
  head: string;
  count: number;
  /** The text of the account entry at `index`, in file order. */
  entry(index: number): string;
}

export function manifestLayout(bytes: Buffer): ManifestLayout | undefined {
  const open = bytes.indexOf(ACCOUNTS_OPEN);
  if (open === -1) return undefined;
  // Start and end offsets of each entry, found before any is parsed, so the head comes first.
  const bounds: number[] = [];
  for (let at = open + ACCOUNTS_OPEN.length; ; at += ENTRY_SEPARATOR.length) {
    if (!startsAt(bytes, ENTRY_OPEN, at)) return undefined;
    const close = bytes.indexOf(ENTRY_CLOSE, at);
    if (close === -1) return undefined;
    const end = close + ENTRY_CLOSE.length;
    bounds.push(at, end);
    at = end;
    if (startsAt(bytes, ACCOUNTS_CLOSE, at)) {
      const head = `${bytes.toString('utf8', 0, open)}\n  "accounts": []${bytes.toString('utf8', at + ACCOUNTS_CLOSE.length)}`;
      return { head, count: bounds.length / 2, entry: (index) => bytes.toString('utf8', bounds[2 * index], bounds[2 * index + 1]) };
    }
    if (!startsAt(bytes, ENTRY_SEPARATOR, at)) return undefined;
  }
}

function startsAt(bytes: Buffer, expected: Buffer, at: number): boolean {
  return bytes.length >= at + expected.length && expected.equals(bytes.subarray(at, at + expected.length));
}
