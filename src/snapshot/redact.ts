// One redaction pass over everything a run keeps or a report may show. The evaluation applies `redact()` to
// each whole finding as it makes it, before results.json; renderReports applies it again to the report
// input (and to each finding when they come from a results.json on disk, as `report` re-renders), so a
// secret that slipped through still never reaches an output file.
//
// Access key IDs (AKIA…/ASIA…) are identifiers, not secrets, and stay: key-rotation evidence needs them.

export const REDACTED = '[REDACTED]';

export interface RedactOptions {
  /** Exact values known to be secret (the scan's base and assumed credentials). */
  secrets?: readonly string[];
}

/** Keys whose value is a secret whatever it looks like (compared lower-case, without `_`/`-`). */
const SECRET_KEYS = new Set([
  'secretaccesskey',
  'awssecretaccesskey',
  'secretkey',
  'sessiontoken',
  'awssessiontoken',
  'securitytoken',
  'awssecuritytoken',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'password',
  'privatekey',
  'clientsecret',
]);

const TEXT_PATTERNS: readonly RegExp[] = [
  // STS session tokens start with these base64 prefixes.
  /(?:IQoJb3JpZ2lu|IQoD|FwoGZXIvYXdz|FQoGZXIvYXdz|AQoDYXdz|AgoJb3JpZ2lu)[A-Za-z0-9/+=]{16,}/g,
  // Any very long base64 run: no evidence value we keep looks like that, tokens do.
  /[A-Za-z0-9/+]{200,}={0,2}/g,
  // A 40-character secret access key: mixed case, with digits or `/`/`+`, standing alone.
  /(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/** Short strings cannot hold a secret of interest; skipping them keeps big runs fast. */
const MIN_SECRET_LENGTH = 20;

/** Characters of the base64 runs the patterns look for. */
const BASE64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+=') BASE64[c.charCodeAt(0)] = 1;

/**
 * Every pattern above needs a run of 20 base64 characters or a PEM marker. One pass over the
 * characters lets the common string (an ARN, an ID, a message) skip the four patterns, which were
 * the largest cost of evaluating and reporting a big run (issue 14 profile).
 */
function mayHoldSecret(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    run = code < 128 && BASE64[code] === 1 ? run + 1 : 0;
    if (run >= MIN_SECRET_LENGTH) return true;
  }
  return text.includes('PRIVATE KEY-----');
}

export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const secret of options.secrets ?? []) {
    if (secret.length >= 8 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  if (out.length < MIN_SECRET_LENGTH || !mayHoldSecret(out)) return out;
  for (const pattern of TEXT_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

/** Field names repeat across a run (the SDK's shapes); their verdicts are remembered, up to a bound. */
const keyVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 10_000;

function isSecretKey(key: string): boolean {
  let secret = keyVerdicts.get(key);
  if (secret === undefined) {
    secret = SECRET_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
    if (keyVerdicts.size < MAX_REMEMBERED_KEYS) keyVerdicts.set(key, secret);
  }
  return secret;
}

/**
 * `value` with secret-named fields and secret-shaped strings replaced. Parts with nothing to redact
 * are shared with the input rather than copied, so a large run is not held twice in memory.
 */
export function redact<T>(value: T, options: RedactOptions = {}): T {
  return redactValue(value, options) as T;
}

function redactValue(value: unknown, options: RedactOptions): unknown {
  if (typeof value === 'string') return redactText(value, options);
  if (Array.isArray(value)) return redactArray(value, options);
  if (value === null || typeof value !== 'object') return value;
  let out: Record<string, unknown> | undefined;
  // for…in rather than Object.entries: no array per object, a third of the time on a run's findings.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    const redacted = isSecretKey(key) && item !== null && item !== undefined ? REDACTED : redactValue(item, options);
    if (redacted !== item) {
      out ??= { ...value };
      out[key] = redacted;
    }
  }
  return out ?? value;
}

function redactArray(value: unknown[], options: RedactOptions): unknown[] {
  let out: unknown[] | undefined;
  value.forEach((item, index) => {
    const redacted = redactValue(item, options);
    if (redacted !== item) {
      out ??= [...value];
      out[index] = redacted;
    }
  });
  return out ?? value;
}
