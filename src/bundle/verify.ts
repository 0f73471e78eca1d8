// Verifying a run directory: every file against SHA256SUMS, and the signature when there is one.

import { constants, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { SnapshotError, UsageError } from '../errors.js';
import { readChecksums } from './checksums.js';
import { hashBundle } from './files.js';
import {
  keyFingerprint,
  signaturePath,
  signedMessage,
  toPublicKey,
  type SignatureAlgorithm,
  type SignatureFile,
} from './signature.js';

export interface SignatureCheck {
  valid: boolean;
  algorithm?: SignatureAlgorithm;
  keyFingerprint?: string;
  kmsKeyId?: string;
  /** Why the signature does not hold. */
  problem?: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Files the checksums cover. */
  checked: number;
  added: string[];
  removed: string[];
  changed: string[];
  /** Absent when the run is not signed. */
  signature?: SignatureCheck;
}

export interface VerifyOptions {
  /** PEM public key the signature must have been made with; without it, the embedded key is used. */
  trustedPublicKey?: string;
}

export async function verifyRun(runDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  if (!(await stat(runDir).catch(() => undefined))?.isDirectory()) {
    throw new SnapshotError(`${runDir} is not a directory`);
  }
  const expected = await readChecksums(runDir);
  const actual = await hashBundle(runDir);
  const added = [...actual.keys()].filter((f) => !expected.has(f));
  const removed = [...expected.keys()].filter((f) => !actual.has(f));
  const changed = [...expected].filter(([f, hash]) => actual.has(f) && actual.get(f) !== hash).map(([f]) => f);
  const signature = existsSync(signaturePath(runDir)) ? await checkSignature(runDir, options) : undefined;
  const ok = added.length + removed.length + changed.length === 0 && (signature?.valid ?? true);
  return { ok, checked: expected.size, added, removed, changed, ...(signature ? { signature } : {}) };
}

async function checkSignature(runDir: string, options: VerifyOptions): Promise<SignatureCheck> {
  let file: SignatureFile;
  try {
    file = JSON.parse(await readFile(signaturePath(runDir), 'utf8')) as SignatureFile;
  } catch (error) {
    return { valid: false, problem: `SIGNATURE.json is unreadable: ${(error as Error).message}` };
  }
  const described = {
    algorithm: file.algorithm,
    keyFingerprint: file.keyFingerprint,
    ...(file.kmsKeyId ? { kmsKeyId: file.kmsKeyId } : {}),
  };
  const problem = await signatureProblem(runDir, file, options);
  return { valid: problem === undefined, ...described, ...(problem ? { problem } : {}) };
}

async function signatureProblem(runDir: string, file: SignatureFile, options: VerifyOptions): Promise<string | undefined> {
  let publicKey: KeyObject;
  try {
    publicKey = toPublicKey(file.publicKey);
  } catch {
    return 'the public key in SIGNATURE.json cannot be read';
  }
  if (keyFingerprint(publicKey) !== file.keyFingerprint) return 'the key fingerprint does not match the public key';
  if (options.trustedPublicKey !== undefined && trustedFingerprint(options.trustedPublicKey) !== file.keyFingerprint) {
    return `signed with key ${file.keyFingerprint}, not with the trusted key`;
  }
  const { message } = await signedMessage(runDir);
  const signature = Buffer.from(file.signature, 'base64');
  return verifies(file.algorithm, message, publicKey, signature)
    ? undefined
    : 'the signature does not match manifest.json and SHA256SUMS';
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
