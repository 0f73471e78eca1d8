import { execFileSync } from 'node:child_process';
import { constants, createHash, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChecksums } from '../../src/bundle/checksums.js';
import { signRun, signWithKeyFile, signWithKms } from '../../src/bundle/sign.js';
import { keyFingerprint, signedMessage, type SignatureFile } from '../../src/bundle/signature.js';
import { verifyRun } from '../../src/bundle/verify.js';
import { UsageError } from '../../src/errors.js';

let run: string;
let keys: string;
const kms = mockClient(KMSClient);

beforeEach(async () => {
  run = mkdtempSync(join(tmpdir(), 'pa-sign-'));
  keys = mkdtempSync(join(tmpdir(), 'pa-keys-'));
  writeFileSync(join(run, 'manifest.json'), '{"schemaVersion":1,"runId":"r1"}\n');
  writeFileSync(join(run, 'results.json'), '{}\n');
  await writeChecksums(run);
  kms.reset();
});

afterEach(() => {
  rmSync(run, { recursive: true, force: true });
  rmSync(keys, { recursive: true, force: true });
});

function writePem(key: KeyObject, name: string): string {
  const path = join(keys, `${name}.pem`);
  writeFileSync(path, key.export({ type: 'pkcs8', format: 'pem' }));
  return path;
}

function readSignature(): SignatureFile {
  return JSON.parse(readFileSync(join(run, 'SIGNATURE.json'), 'utf8')) as SignatureFile;
}

describe('Ed25519 key file', () => {
  it('signs manifest.json and SHA256SUMS, and verify accepts it', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signature = await signWithKeyFile(run, writePem(privateKey, 'ed'));
    expect(signature).toMatchObject({ algorithm: 'Ed25519', signer: 'key-file', keyFingerprint: keyFingerprint(publicKey) });
    expect(Object.keys(signature.signedFiles)).toEqual(['manifest.json', 'SHA256SUMS']);
    const report = await verifyRun(run, { trustedPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(report.ok).toBe(true);
    expect(report.signature).toMatchObject({ valid: true, algorithm: 'Ed25519' });
  });

  it('fails when a covered file changes after signing, even with SHA256SUMS rewritten', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    await signWithKeyFile(run, writePem(privateKey, 'ed'));
    appendFileSync(join(run, 'results.json'), 'tampered');
    await writeChecksums(run);
    const report = await verifyRun(run);
    expect(report.ok).toBe(false);
    expect(report.changed).toEqual([]);
    expect(report.signature?.valid).toBe(false);
    expect(report.signature?.problem).toMatch(/^the signature does not cover the current SHA256SUMS \(signed sha256:[0-9a-f]{16}…, now sha256:[0-9a-f]{16}…\): SHA256SUMS changed after signing$/);
  });

  it('fails when the signature file was edited to name the new SHA256SUMS', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    await signWithKeyFile(run, writePem(privateKey, 'ed'));
    appendFileSync(join(run, 'results.json'), 'tampered');
    await writeChecksums(run);
    const forged = { ...readSignature(), signedFiles: (await signedMessage(run)).files };
    writeFileSync(join(run, 'SIGNATURE.json'), JSON.stringify(forged));
    expect((await verifyRun(run)).signature?.problem).toBe('the signature does not match manifest.json and SHA256SUMS');
  });

  it('fails an unsigned run when a trusted key is given, saying it is unsigned', async () => {
    const trusted = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const report = await verifyRun(run, { trustedPublicKey: trusted });
    expect(report.ok).toBe(false);
    expect(report.signature).toEqual({ valid: false, missing: true, problem: 'the run is not signed (no SIGNATURE.json), but a trusted key was given' });
    expect((await verifyRun(run)).ok).toBe(true);
  });

  it('fails when the signature was swapped for one by another key, against a trusted key', async () => {
    const trusted = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519');
    await signWithKeyFile(run, writePem(other.privateKey, 'other'));
    const report = await verifyRun(run, { trustedPublicKey: trusted.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(report.signature?.valid).toBe(false);
    expect(report.signature?.problem).toMatch(/not with the trusted key/);
  });

  it('detects a forged public key in SIGNATURE.json', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    await signWithKeyFile(run, writePem(privateKey, 'ed'));
    const forged = { ...readSignature(), publicKey: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    writeFileSync(join(run, 'SIGNATURE.json'), JSON.stringify(forged));
    expect((await verifyRun(run)).signature?.problem).toBe('the key fingerprint does not match the public key');
  });

  it('refuses keys that are not Ed25519, and two signers at once', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(signWithKeyFile(run, writePem(privateKey, 'ec'))).rejects.toThrow(UsageError);
    await expect(signWithKeyFile(run, join(keys, 'missing.pem'))).rejects.toThrow(UsageError);
    await expect(signRun(run, { signKey: 'a.pem', signKmsKeyId: 'alias/x' })).rejects.toThrow(/either/);
    expect(await signRun(run, {})).toBeUndefined();
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('verification without partner-audit', () => {
  it.runIf(hasOpenssl())('an Ed25519 signature checks out with openssl over the documented message', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const signature = await signWithKeyFile(run, writePem(privateKey, 'ed'));
    const digest = (file: string) => createHash('sha256').update(readFileSync(join(run, file))).digest('hex');
    // The message an auditor rebuilds by hand: a header line, then each signed file's SHA-256.
    const message = `partner-audit bundle signature v1\nmanifest.json sha256:${digest('manifest.json')}\nSHA256SUMS sha256:${digest('SHA256SUMS')}\n`;
    writeFileSync(join(keys, 'message'), message);
    writeFileSync(join(keys, 'signature.bin'), Buffer.from(signature.signature, 'base64'));
    writeFileSync(join(keys, 'public.pem'), signature.publicKey);
    const out = execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'public.pem', '-rawin', '-in', 'message', '-sigfile', 'signature.bin'],
      { cwd: keys, encoding: 'utf8' },
    );
    expect(out).toContain('Signature Verified Successfully');
  });
});

describe('AWS KMS key', () => {
  const keyArn = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  /** Plays KMS: signs the DIGEST it receives with a local key, as KMS does with MessageType DIGEST. */
  function fakeKms(keySpec: 'ec' | 'rsa') {
    const pair = keySpec === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
    kms.on(GetPublicKeyCommand).resolves({
      KeyId: keyArn,
      KeyUsage: 'SIGN_VERIFY',
      KeySpec: keySpec === 'ec' ? 'ECC_NIST_P256' : 'RSA_2048',
      SigningAlgorithms: keySpec === 'ec' ? ['ECDSA_SHA_256'] : ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PSS_SHA_256'],
      PublicKey: new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' })),
    });
    return pair;
  }

  it('signs the digest with ECDSA_SHA_256 as a DIGEST message, verifiable offline', async () => {
    const { privateKey } = fakeKms('ec');
    const { message } = await signedMessage(run);
    // KMS's DIGEST signature over SHA-256(message) equals an ECDSA-SHA256 signature over the message.
    kms.on(SignCommand).resolves({ Signature: new Uint8Array(nodeSign('sha256', message, privateKey)), SigningAlgorithm: 'ECDSA_SHA_256' });
    const signature = await signWithKms(run, keyArn, new KMSClient({ region: 'eu-west-1' }));
    const call = kms.commandCalls(SignCommand)[0]!.args[0].input;
    expect(call).toMatchObject({ KeyId: keyArn, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' });
    expect(Buffer.from(call.Message!).toString('hex')).toBe(signature.digest);
    expect(signature).toMatchObject({ algorithm: 'ECDSA_SHA_256', signer: 'aws-kms', kmsKeyId: keyArn });
    const report = await verifyRun(run);
    expect(report.ok).toBe(true);
    expect(report.signature).toMatchObject({ valid: true, kmsKeyId: keyArn });
  });

  it('prefers RSASSA_PSS_SHA_256 for RSA keys', async () => {
    const { privateKey } = fakeKms('rsa');
    const { message } = await signedMessage(run);
    const pss = nodeSign('sha256', message, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    kms.on(SignCommand).resolves({ Signature: new Uint8Array(pss) });
    await signWithKms(run, keyArn, new KMSClient({ region: 'eu-west-1' }));
    expect(kms.commandCalls(SignCommand)[0]!.args[0].input.SigningAlgorithm).toBe('RSASSA_PSS_SHA_256');
    expect((await verifyRun(run)).signature?.valid).toBe(true);
  });

  it('refuses a key that cannot sign', async () => {
    kms.on(GetPublicKeyCommand).resolves({ KeyId: keyArn, KeyUsage: 'ENCRYPT_DECRYPT', PublicKey: new Uint8Array([1]) });
    await expect(signWithKms(run, keyArn, new KMSClient({ region: 'eu-west-1' }))).rejects.toThrow(UsageError);
    expect(kms.commandCalls(SignCommand)).toHaveLength(0);
  });
});
