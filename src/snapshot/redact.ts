// One redaction pass over everything a run keeps or a report may show. The engine should apply `redact()` to each
// finding's evidence and message before they reach results.json; renderReports applies it again to
// the whole report input, so a secret that slipped through still never reaches an output file.
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

export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const secret of options.secrets ?? []) {
    if (secret.length >= 8 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  if (out.length < MIN_SECRET_LENGTH) return out;
  for (const pattern of TEXT_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
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
  for (const [key, item] of Object.entries(value)) {
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
