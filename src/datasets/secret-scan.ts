// Reads configuration that may hold credentials (environment variables, user data) without keeping
// them: each value becomes its name, a short hash and what it looks like. Collectors call this, so no
// secret value ever reaches a snapshot.

import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

export interface ScannedValue {
  /** The variable or key name; `(inline)` for an access key ID outside an assignment, `(private key)` for a PEM block. */
  name: string;
  /** First 8 hex digits of the value's SHA-256: tells equal values apart, never reveals one. */
  hash: string;
  /** The value holds an AWS access key ID (AKIA or ASIA followed by 16 characters). */
  accessKeyId: boolean;
  /** The value points at a secret (an ARN, an SSM or Secrets Manager reference) instead of holding one. */
  reference: boolean;
  /** The name says secret, password, token, API key or private key. */
  secretName: boolean;
}

export interface ScannedText {
  /** First 8 hex digits of the SHA-256 of the decoded text. */
  hash: string;
  bytes: number;
  /** Assignments whose name says secret or whose value holds an access key ID, and inline keys. */
  values: ScannedValue[];
}

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;
const ACCESS_KEY_IDS = new RegExp(ACCESS_KEY_ID.source, 'g');
const SECRET_NAME = /secret|passw(or)?d|passwd|pwd|token|api[_-]?key|apikey|private[_-]?key|credential/i;
const REFERENCE = /^(arn:aws[\w-]*:|\{\{resolve:|resolve:(ssm|secretsmanager)|ssm:|secretsmanager:|\/aws\/reference\/secretsmanager\/)/i;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;
/** `NAME=value`, `export NAME=value`, `name: value`, `"name": "value",`. */
const ASSIGNMENT = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[=:]\s*(.*?)\s*,?\s*$/;

export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, '');
}

export function scanValue(name: string, value: string): ScannedValue {
  return {
    name,
    hash: shortHash(value),
    accessKeyId: ACCESS_KEY_ID.test(value),
    reference: REFERENCE.test(value.trim()),
    secretName: SECRET_NAME.test(name),
  };
}

/** Every variable of an environment map, by name and hash. */
export function scanVariables(variables: Record<string, string> | undefined): ScannedValue[] {
  return Object.entries(variables ?? {}).map(([name, value]) => scanValue(name, value));
}

/** Base64 user data as EC2 returns it, gunzipped when cloud-init would gunzip it. */
export function decodeUserData(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** What a script or cloud-config holds that looks like a credential. */
export function scanText(text: string): ScannedText {
  const values: ScannedValue[] = [];
  const assigned = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = ASSIGNMENT.exec(line);
    if (!match) continue;
    const value = unquote(match[2]!);
    const scanned = scanValue(match[1]!, value);
    if (value !== '' && (scanned.secretName || scanned.accessKeyId)) {
      values.push(scanned);
      if (scanned.accessKeyId) assigned.add(line);
    }
  }
  for (const line of text.split(/\r?\n/).filter((l) => !assigned.has(l))) {
    for (const key of line.match(ACCESS_KEY_IDS) ?? []) values.push(scanValue('(inline)', key));
  }
  for (const block of text.match(PRIVATE_KEY) ?? []) values.push({ ...scanValue('(private key)', block), secretName: true });
  return { hash: shortHash(text), bytes: Buffer.byteLength(text), values };
}
