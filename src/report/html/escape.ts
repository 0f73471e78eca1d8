// The one escaping helper for markup, and the one serializer for data embedded in a <script>.
// Findings carry attacker-controllable strings (resource names, tags), so nothing reaches the
// page without passing through one of these.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and for quoted attribute values alike. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * JSON made safe for a `<script type="application/json">` block. `<`, `>` and `&` become \u escapes
 * so `</script>` or `<!--` in the data cannot end the block; U+2028/2029 are escaped for old parsers.
 */
function scriptSafe(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The size a piece of an array grows to before it is written. V8 keeps strings over 128 KiB in its
 * large-object space until a full collection: pieces of 500 elements (up to 300 KB of request IDs
 * or evidence each, and a copy of each for escaping and one for joining) raised the evaluation
 * above the collection in a container (docs/performance.md). Pieces this size die young.
 */
const PIECE_CHARS = 16 * 1024;

/**
 * An object as script-safe JSON, in pieces: each field, and each run of elements of an array field,
 * on its own. Joined, the pieces are JSON.stringify's text; written one by one, the page's data
 * (tens of MB at the finding cap) never sits in memory as one string.
 */
export function* jsonForScriptChunks(value: object): Generator<string> {
  yield '{';
  let separator = '';
  for (const [key, item] of Object.entries(value)) {
    // JSON.stringify leaves such fields out.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${separator}${scriptSafe(JSON.stringify(key))}:`;
    separator = ',';
    if (Array.isArray(item)) yield* arrayChunks(item);
    else yield scriptSafe(JSON.stringify(item));
  }
  yield '}';
}

function* arrayChunks(items: readonly unknown[]): Generator<string> {
  yield '[';
  let piece: string[] = [];
  let chars = 0;
  let separator = '';
  for (const item of items) {
    // As in JSON.stringify of the array: an element with no JSON form is null.
    const json = scriptSafe(JSON.stringify(item) ?? 'null');
    piece.push(json);
    chars += json.length + 1;
    if (chars < PIECE_CHARS) continue;
    yield separator + piece.join(',');
    separator = ',';
    piece = [];
    chars = 0;
  }
  if (piece.length > 0) yield separator + piece.join(',');
  yield ']';
}
