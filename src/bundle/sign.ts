// Signing a run directory: with a local Ed25519 private key, or with an AWS KMS asymmetric key.
//
// NOTE: kms:Sign is the one AWS call of this tool that is not a read (besides sts:AssumeRole and
// iam:GenerateCredentialReport). It goes only to the partner's own key, and only when they pass
// --sign-kms-key-id. kms:GetPublicKey (a read) fetches the key so anyone can verify offline.

import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type * as SdkKms from '@aws-sdk/client-kms';
import { UsageError } from '../errors.js';
import {
  keyFingerprint,
  publicKeyPem,
  signaturePath,
  signedMessage,
  SIGNED_FILES,
  toPublicKey,
  type SignatureAlgorithm,
  type SignatureFile,
} from './signature.js';
import { sdkModule } from '../aws/sdk-module.js';

const { GetPublicKeyCommand, KMSClient, SignCommand } = sdkModule<typeof SdkKms>('@aws-sdk/client-kms');
type KMSClient = SdkKms.KMSClient;

/** The Ed25519 private key of a PEM file; a usage error when it cannot be read or is another kind of key. */
export async function loadSigningKey(privateKeyPemPath: string): Promise<KeyObject> {
  let privateKey;
  try {
    privateKey = createPrivateKey(await readFile(privateKeyPemPath));
  } catch (error) {
    throw new UsageError(`cannot read the signing key ${privateKeyPemPath}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new UsageError(`--sign-key must be an Ed25519 private key (PEM); ${privateKeyPemPath} is ${privateKey.asymmetricKeyType}`);
  }
  return privateKey;
}

/** Signs `signed` (manifest.json + SHA256SUMS of a run) with an Ed25519 private key (PEM file) and writes SIGNATURE.json. */
export async function signWithKeyFile(runDir: string, privateKeyPemPath: string, covered: readonly string[] = SIGNED_FILES): Promise<SignatureFile> {
  const privateKey = await loadSigningKey(privateKeyPemPath);
  const publicKey = createPublicKey(privateKey);
  const { files, message, digest } = await signedMessage(runDir, covered);
  return writeSignature(runDir, {
    version: 1,
    algorithm: 'Ed25519',
    signer: 'key-file',
    publicKey: publicKeyPem(publicKey),
    keyFingerprint: keyFingerprint(publicKey),
    signedFiles: files,
    digest: digest.toString('hex'),
    signature: sign(null, message, privateKey).toString('base64'),
    signedAt: new Date().toISOString(),
  });
}

/** Signs the digest with an asymmetric KMS key (ECC_NIST_P256 or RSA) and writes SIGNATURE.json. */
export async function signWithKms(runDir: string, keyId: string, kms: KMSClient, covered: readonly string[] = SIGNED_FILES): Promise<SignatureFile> {
  const key = await signingKeyOf(keyId, kms);
  const algorithm = kmsAlgorithm(keyId, key.SigningAlgorithms ?? []);
  const publicKey = toPublicKey(key.PublicKey);
  const { files, digest } = await signedMessage(runDir, covered);
  const signed = await kms.send(
    new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: algorithm }),
  );
  if (!signed.Signature) throw new UsageError(`KMS returned no signature for key ${keyId}`);
  return writeSignature(runDir, {
    version: 1,
    algorithm,
    signer: 'aws-kms',
    kmsKeyId: key.KeyId ?? keyId,
    publicKey: publicKeyPem(publicKey),
    keyFingerprint: keyFingerprint(publicKey),
    signedFiles: files,
    digest: digest.toString('hex'),
    signature: Buffer.from(signed.Signature).toString('base64'),
    signedAt: new Date().toISOString(),
  });
}

async function signingKeyOf(keyId: string, kms: KMSClient): Promise<{ KeyId?: string; PublicKey: Uint8Array; SigningAlgorithms?: string[] }> {
  const key = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (key.KeyUsage !== 'SIGN_VERIFY' || !key.PublicKey) {
    throw new UsageError(`KMS key ${keyId} is not an asymmetric SIGN_VERIFY key`);
  }
  return { ...key, PublicKey: key.PublicKey };
}

/** The public key (PEM) of a KMS signing key, through kms:GetPublicKey (a read), to verify against. */
export async function kmsPublicKeyPem(keyId: string, profile?: string): Promise<string> {
  const kms = kmsClientFor(keyId, profile);
  try {
    return publicKeyPem(toPublicKey((await signingKeyOf(keyId, kms)).PublicKey));
  } finally {
    kms.destroy();
  }
}

type KmsAlgorithm = Extract<SignatureAlgorithm, 'ECDSA_SHA_256' | 'RSASSA_PSS_SHA_256'>;
const KMS_PREFERENCE: readonly KmsAlgorithm[] = ['ECDSA_SHA_256', 'RSASSA_PSS_SHA_256'];

function kmsAlgorithm(keyId: string, offered: readonly string[]): KmsAlgorithm {
  const chosen = KMS_PREFERENCE.find((a) => offered.includes(a));
  if (!chosen) {
    throw new UsageError(
      `KMS key ${keyId} offers ${offered.join(', ') || 'no signing algorithm'}; ` +
        'use an ECC_NIST_P256 or RSA key (ECDSA_SHA_256 or RSASSA_PSS_SHA_256)',
    );
  }
  return chosen;
}

async function writeSignature(runDir: string, signature: SignatureFile): Promise<SignatureFile> {
  await writeFile(signaturePath(runDir), `${JSON.stringify(signature, null, 2)}\n`);
  return signature;
}

/** A signature over files that were rewritten no longer holds; remove it rather than leave it failing. */
export async function removeSignature(runDir: string): Promise<boolean> {
  if (!existsSync(signaturePath(runDir))) return false;
  await rm(signaturePath(runDir));
  return true;
}

export interface SignOptions {
  /** Ed25519 private key PEM file. */
  signKey?: string;
  /** KMS key ID, ARN or alias of an asymmetric signing key. */
  signKmsKeyId?: string;
  /** AWS profile for the KMS call. */
  profile?: string;
}

/** Checks the signing options offline, before any work: one signer at most, and a readable Ed25519 key file. */
export async function checkSignOptions(options: SignOptions): Promise<void> {
  if (options.signKey && options.signKmsKeyId) throw new UsageError('use either --sign-key or --sign-kms-key-id, not both');
  if (options.signKey) await loadSigningKey(options.signKey);
}

/**
 * Signs when asked to (one signer at most); returns undefined when no signing option was given.
 * `covered` names what the signature covers: a run's manifest.json and SHA256SUMS by default.
 */
export async function signRun(dir: string, options: SignOptions, covered: readonly string[] = SIGNED_FILES): Promise<SignatureFile | undefined> {
  await checkSignOptions(options);
  if (options.signKey) return signWithKeyFile(dir, options.signKey, covered);
  if (!options.signKmsKeyId) return undefined;
  const kms = kmsClientFor(options.signKmsKeyId, options.profile);
  try {
    return await signWithKms(dir, options.signKmsKeyId, kms, covered);
  } finally {
    kms.destroy();
  }
}

function kmsClientFor(keyId: string, profile: string | undefined): KMSClient {
  // A key ARN names its region; otherwise the SDK's usual region settings apply.
  const region = /^arn:aws[\w-]*:kms:([a-z0-9-]+):/.exec(keyId)?.[1];
  return new KMSClient({ ...(region ? { region } : {}), ...(profile ? { profile } : {}) });
}
