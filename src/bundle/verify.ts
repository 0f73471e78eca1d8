// Verifying a run directory: every evidence file against SHA256SUMS; the signature when there is one,
// and always when a trusted key is given (an unsigned run then fails); and each re-render folder
// against its own SHA256SUMS and RENDER.json.

import { constants, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../vendor/zod.js';
import { SnapshotError, UsageError } from '../errors.js';
import { isRunFilePath, readRunFile, RERENDERS_DIR } from '../snapshot/layout.js';
import { readChecksums } from './checksums.js';
import { CHECKSUMS_FILE, hashBundle, sha256, sha256File, SIGNATURE_FILE } from './files.js';
import { readRenderRecord, type RenderRecord } from './render-record.js';
import {
  keyFingerprint,
  RENDER_SIGNED_FILES,
  SIGNED_FILES,
  signatureMessage,
  signaturePath,
  toPublicKey,
  type SignatureAlgorithm,
  type SignatureFile,
} from './signature.js';

export interface SignatureCheck {
  valid: boolean;
  algorithm?: SignatureAlgorithm;
  keyFingerprint?: string;
  kmsKeyId?: string;
  /** Why the signature does not hold (or is missing when one was required). */
  problem?: string;
  /** True when there is no signature at all, but one was required. */
  missing?: true;
}

export interface Differences {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface RenderCheck extends Differences {
  /** `rerenders/<id>` */
  dir: string;
  ok: boolean;
  /** Files its own SHA256SUMS covers. */
  checked: number;
  record?: RenderRecord;
  signature?: SignatureCheck;
  problem?: string;
}

export interface VerifyReport extends Differences {
  ok: boolean;
  /** Files the checksums cover. */
  checked: number;
  /** Absent when the run is not signed and no trusted key was given. */
  signature?: SignatureCheck;
  /** Present when the run holds re-rendered reports. */
  renders?: RenderCheck[];
}

export interface VerifyOptions {
  /** PEM public key the signature must have been made with. Given, an unsigned run fails. */
  trustedPublicKey?: string;
}

/** The run's files against its SHA256SUMS: what each should hash to, what it does, and what differs. */
export interface Comparison extends Differences {
  /** From SHA256SUMS; undefined when the run has none. */
  expected?: Map<string, string>;
  actual: Map<string, string>;
}

export async function compareWithChecksums(dir: string): Promise<Comparison> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new SnapshotError(`${dir} is not a directory`);
  const expected = existsSync(join(dir, CHECKSUMS_FILE)) ? await readChecksums(dir) : undefined;
  const actual = await hashBundle(dir);
  return { expected, actual, ...differences(expected ?? new Map(), actual) };
}

function differences(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): Differences {
  return {
    added: [...actual.keys()].filter((f) => !expected.has(f)),
    removed: [...expected.keys()].filter((f) => !actual.has(f)),
    changed: [...expected].filter(([f, hash]) => actual.has(f) && actual.get(f) !== hash).map(([f]) => f),
  };
}

export const differs = (d: Differences): boolean => d.added.length + d.removed.length + d.changed.length > 0;

/** `changed: results.json; added: notes.txt` */
export function describeDifferences(d: Differences): string {
  const parts = [
    d.changed.length ? `changed: ${d.changed.join(', ')}` : '',
    d.removed.length ? `removed: ${d.removed.join(', ')}` : '',
    d.added.length ? `added: ${d.added.join(', ')}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

export async function verifyRun(runDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const comparison = await compareWithChecksums(runDir);
  const { expected, actual: _actual, ...diff } = comparison;
  if (!expected) throw new SnapshotError(`${join(runDir, CHECKSUMS_FILE)} not found: this directory is not a verifiable run`);
  const signature = await checkSignature(runDir, SIGNED_FILES, options, options.trustedPublicKey !== undefined);
  const renders = await verifyRenders(runDir, expected, options);
  const ok = !differs(diff) && (signature?.valid ?? true) && renders.every((r) => r.ok);
  return { ok, checked: expected.size, ...diff, ...(signature ? { signature } : {}), ...(renders.length ? { renders } : {}) };
}

/**
 * The signature over `covered` in `dir`: undefined when there is none and none is required; a
 * failed check saying exactly why otherwise.
 */
export async function checkSignature(
  dir: string,
  covered: readonly string[],
  options: VerifyOptions,
  required: boolean,
): Promise<SignatureCheck | undefined> {
  if (!existsSync(signaturePath(dir))) {
    if (!required) return undefined;
    return { valid: false, missing: true, problem: `the run is not signed (no ${SIGNATURE_FILE}), but a trusted key was given` };
  }
  let file: SignatureFile;
  try {
    file = parseSignature((await readRunFile(dir, SIGNATURE_FILE)) ?? '', covered);
  } catch (error) {
    return { valid: false, problem: `${SIGNATURE_FILE} is unreadable: ${(error as Error).message}` };
  }
  const described = {
    algorithm: file.algorithm,
    keyFingerprint: file.keyFingerprint,
    ...(file.kmsKeyId ? { kmsKeyId: file.kmsKeyId } : {}),
  };
  const problem = await signatureProblem(dir, covered, file, options);
  return { valid: problem === undefined, ...described, ...(problem ? { problem } : {}) };
}

const signatureSchema = z.looseObject({
  version: z.literal(1),
  algorithm: z.enum(['Ed25519', 'ECDSA_SHA_256', 'RSASSA_PSS_SHA_256']),
  signer: z.enum(['key-file', 'aws-kms']),
  kmsKeyId: z.string().optional(),
  publicKey: z.string(),
  keyFingerprint: z.string(),
  signedFiles: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  digest: z.string(),
  signature: z.string(),
  signedAt: z.string(),
});

function parseSignature(text: string, covered: readonly string[]): SignatureFile {
  const parsed = signatureSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const named = Object.keys(parsed.data.signedFiles);
  if (named.length !== covered.length || covered.some((f) => !named.includes(f))) {
    throw new Error(`signedFiles names ${named.join(', ') || 'nothing'}, not ${covered.join(' and ')}`);
  }
  return parsed.data as SignatureFile;
}

async function signatureProblem(dir: string, covered: readonly string[], file: SignatureFile, options: VerifyOptions): Promise<string | undefined> {
  let publicKey: KeyObject;
  try {
    publicKey = toPublicKey(file.publicKey);
  } catch {
    return 'the public key in SIGNATURE.json cannot be read';
  }
  if (keyFingerprint(publicKey) !== file.keyFingerprint) return 'the key fingerprint does not match the public key';
  if (options.trustedPublicKey !== undefined) {
    const trusted = trustedFingerprint(options.trustedPublicKey);
    if (trusted !== file.keyFingerprint) return `signed with key ${file.keyFingerprint}, not with the trusted key ${trusted}`;
  }
  for (const name of covered) {
    const now = await sha256File(join(dir, name)).catch(() => sha256(''));
    const signed = file.signedFiles[name]!;
    if (now !== signed) {
      return `the signature does not cover the current ${name} (signed sha256:${signed.slice(0, 16)}…, now sha256:${now.slice(0, 16)}…): ${name} changed after signing`;
    }
  }
  return verifies(file.algorithm, signatureMessage(file.signedFiles, covered), publicKey, Buffer.from(file.signature, 'base64'))
    ? undefined
    : `the signature does not match ${covered.join(' and ')}`;
}

function trustedFingerprint(pem: string): string {
  try {
    return keyFingerprint(toPublicKey(pem));
  } catch (error) {
    throw new UsageError(`the trusted public key cannot be read: ${(error as Error).message}`);
  }
}

function verifies(algorithm: SignatureAlgorithm, message: Buffer, key: KeyObject, signature: Buffer): boolean {
  switch (algorithm) {
    case 'Ed25519':
      return verify(null, message, key, signature);
    case 'ECDSA_SHA_256':
      // KMS signed SHA-256(message) as a DIGEST; verifying the message with SHA-256 is the same check.
      return verify('sha256', message, { key, dsaEncoding: 'der' }, signature);
    case 'RSASSA_PSS_SHA_256':
      return verify(
        'sha256',
        message,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        signature,
      );
    default:
      return false;
  }
}

/** Each folder under rerenders/: its own checksums, its RENDER.json, its signature if any. */
async function verifyRenders(runDir: string, sealed: ReadonlyMap<string, string>, options: VerifyOptions): Promise<RenderCheck[]> {
  const root = join(runDir, RERENDERS_DIR);
  if (!existsSync(root)) return [];
  const checks: RenderCheck[] = [];
  for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = `${RERENDERS_DIR}/${entry.name}`;
    if (!entry.isDirectory() || !isRunFilePath(dir)) {
      checks.push({ dir, ok: false, checked: 0, added: [dir], removed: [], changed: [], problem: 'not a re-render folder' });
      continue;
    }
    checks.push(await verifyRender(runDir, dir, sealed, options));
  }
  return checks;
}

async function verifyRender(runDir: string, dir: string, sealed: ReadonlyMap<string, string>, options: VerifyOptions): Promise<RenderCheck> {
  const path = join(runDir, dir);
  const empty = { added: [], removed: [], changed: [] };
  let comparison: Comparison;
  let record: RenderRecord;
  try {
    comparison = await compareWithChecksums(path);
    record = await readRenderRecord(path);
  } catch (error) {
    return { dir, ok: false, checked: 0, ...empty, problem: (error as Error).message };
  }
  const { expected, actual: _actual, ...diff } = comparison;
  const problem = expected ? provenanceProblem(record, sealed) : `it has no ${CHECKSUMS_FILE}`;
  const signature = await checkSignature(path, RENDER_SIGNED_FILES, options, false);
  const ok = problem === undefined && !differs(diff) && (signature?.valid ?? true);
  return { dir, ok, checked: expected?.size ?? 0, ...diff, record, ...(signature ? { signature } : {}), ...(problem ? { problem } : {}) };
}

/** A rendering that says it came from the sealed evidence must name the inputs SHA256SUMS lists. */
function provenanceProblem(record: RenderRecord, sealed: ReadonlyMap<string, string>): string | undefined {
  if (record.source !== 'sealed') return undefined;
  const mismatch = Object.entries(record.inputs).find(([file, hash]) => sealed.has(file) && sealed.get(file) !== hash);
  return mismatch ? `RENDER.json says it was rendered from the sealed evidence, but its ${mismatch[0]} is not the one SHA256SUMS lists` : undefined;
}
