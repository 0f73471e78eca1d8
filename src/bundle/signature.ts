// What a bundle signature covers and how it is stored. The signed message names the SHA-256 of
// manifest.json and of SHA256SUMS; since SHA256SUMS lists every other file, one signature covers
// the whole run directory. A re-render folder is signed the same way over RENDER.json and its own
// SHA256SUMS.

import { createPublicKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../snapshot/manifest.js';
import { CHECKSUMS_FILE, sha256, sha256File, SIGNATURE_FILE } from './files.js';
import { RENDER_FILE } from './render-record.js';

export type SignatureAlgorithm = 'Ed25519' | 'ECDSA_SHA_256' | 'RSASSA_PSS_SHA_256';

export interface SignatureFile {
  version: 1;
  algorithm: SignatureAlgorithm;
  /** `key-file` (a local Ed25519 PEM) or `aws-kms` (an asymmetric KMS key). */
  signer: 'key-file' | 'aws-kms';
  kmsKeyId?: string;
  /** SubjectPublicKeyInfo PEM of the signing key, so verification works offline. */
  publicKey: string;
  /** `sha256:<hex>` of the public key's DER encoding: compare it with the key you trust. */
  keyFingerprint: string;
  /** SHA-256 of each signed file. */
  signedFiles: Record<string, string>;
  /** SHA-256 of the signed message (what KMS signs as a DIGEST). */
  digest: string;
  /** Base64. */
  signature: string;
  signedAt: string;
}

/** What a run's signature covers. */
export const SIGNED_FILES: readonly string[] = [MANIFEST_FILE, CHECKSUMS_FILE];
/** What a re-render's signature covers: its provenance record and its own checksums. */
export const RENDER_SIGNED_FILES: readonly string[] = [RENDER_FILE, CHECKSUMS_FILE];

export interface SignedMessage {
  files: Record<string, string>;
  message: Buffer;
  digest: Buffer;
}

/** The exact bytes that are signed, built from the current files (manifest.json and SHA256SUMS for a run). */
export async function signedMessage(dir: string, signed: readonly string[] = SIGNED_FILES): Promise<SignedMessage> {
  const files: Record<string, string> = {};
  for (const file of signed) files[file] = await sha256File(join(dir, file));
  const message = signatureMessage(files, signed);
  return { files, message, digest: Buffer.from(sha256(message), 'hex') };
}

/** A header line, then `<file> sha256:<hex>` for each covered file, in order. */
export function signatureMessage(hashes: Readonly<Record<string, string>>, covered: readonly string[]): Buffer {
  const lines = ['partner-audit bundle signature v1', ...covered.map((f) => `${f} sha256:${hashes[f]}`)];
  return Buffer.from(`${lines.join('\n')}\n`);
}

export function keyFingerprint(publicKey: KeyObject): string {
  return `sha256:${sha256(publicKey.export({ type: 'spki', format: 'der' }))}`;
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function signaturePath(runDir: string): string {
  return join(runDir, SIGNATURE_FILE);
}

/** Parses a PEM or DER public key (DER is what KMS GetPublicKey returns). */
export function toPublicKey(key: string | Uint8Array): KeyObject {
  return typeof key === 'string'
    ? createPublicKey(key)
    : createPublicKey({ key: Buffer.from(key), format: 'der', type: 'spki' });
}
