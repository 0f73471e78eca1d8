// A signature check must fail when the run is unsigned, or when the signature does not cover the
// SHA256SUMS that is there now, and say which.

import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChecksums } from '../../src/bundle/checksums.js';
import { awsEnv, cli, copyRun, demoRun, ed25519Keys, kmsStub, workDir, type KeyFiles } from './harness.js';

let root: string;
let keys: KeyFiles;
let stranger: KeyFiles;
/** Made once, copied by each test that tampers. */
let signedByPartner: string;
let signedByStranger: string;
let unsigned: string;

beforeAll(async () => {
  root = workDir('signatures');
  keys = ed25519Keys(root, 'partner');
  stranger = ed25519Keys(root, 'stranger');
  [signedByPartner, signedByStranger, unsigned] = await Promise.all([
    demoRun(root, 'signed', ['--sign-key', keys.privateKey]),
    demoRun(root, 'stranger', ['--sign-key', stranger.privateKey]),
    demoRun(root, 'unsigned'),
  ]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('verify --public-key', () => {
  it('accepts an intact run signed with that key', async () => {
    const out = await cli(['verify', signedByPartner, '--public-key', keys.publicKey]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^OK: \d+ files match SHA256SUMS\nsignature: valid, Ed25519, key sha256:[0-9a-f]{64}\n$/);
  });

  it('fails a run whose SIGNATURE.json was deleted and whose files and SHA256SUMS were then edited, saying it is unsigned', async () => {
    const run = copyRun(signedByPartner, root, 'signature-deleted');
    rmSync(join(run, 'SIGNATURE.json'));
    appendFileSync(join(run, 'results.json'), '\n');
    await writeChecksums(run);
    const plain = await cli(['verify', run]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('signature: none (the run is not signed)');
    const out = await cli(['verify', run, '--public-key', keys.publicKey]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('FAILED');
    expect(out.stdout).toContain('signature: MISSING (the run is not signed (no SIGNATURE.json), but a trusted key was given)');
  });

  it('fails a run whose SHA256SUMS was rewritten after signing, saying the signature does not cover it', async () => {
    const run = copyRun(signedByPartner, root, 'rewritten');
    appendFileSync(join(run, 'results.json'), '\n');
    await writeChecksums(run);
    const out = await cli(['verify', run, '--public-key', keys.publicKey]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/signature: INVALID \(the signature does not cover the current SHA256SUMS \(signed sha256:[0-9a-f]{16}…, now sha256:[0-9a-f]{16}…\): SHA256SUMS changed after signing\)/);
    // Without a trusted key the embedded signature still fails the same way.
    expect((await cli(['verify', run])).code).toBe(1);
  });

  it('fails a run re-signed by another key, naming both keys', async () => {
    const out = await cli(['verify', signedByStranger, '--public-key', keys.publicKey]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/signature: INVALID \(signed with key sha256:[0-9a-f]{64}, not with the trusted key sha256:[0-9a-f]{64}\)/);
  });

  it('fails a SIGNATURE.json that names other files, naming the field', async () => {
    const run = copyRun(signedByPartner, root, 'forged-fields');
    const path = join(run, 'SIGNATURE.json');
    const signature = JSON.parse(readFileSync(path, 'utf8')) as { signedFiles: Record<string, string> };
    signature.signedFiles = { 'results.json': signature.signedFiles['SHA256SUMS']! };
    writeFileSync(path, JSON.stringify(signature));
    const out = await cli(['verify', run, '--public-key', keys.publicKey]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('signature: INVALID (SIGNATURE.json is unreadable: signedFiles names results.json, not manifest.json and SHA256SUMS)');
  });
});

describe('verify --kms-key-id', () => {
  it('takes the trusted key from KMS: passes the run signed with it, fails an unsigned one and one signed by another key', async () => {
    const kms = await kmsStub(keys.publicDer);
    try {
      const env = awsEnv(kms.endpoint);
      const ok = await cli(['verify', signedByPartner, '--kms-key-id', 'alias/partner-audit'], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(kms.calls).toEqual(['TrentService.GetPublicKey']);

      const missing = await cli(['verify', unsigned, '--kms-key-id', 'alias/partner-audit'], env);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain('signature: MISSING');

      const wrong = await cli(['verify', signedByStranger, '--kms-key-id', 'alias/partner-audit'], env);
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toMatch(/not with the trusted key/);
    } finally {
      await kms.close();
    }
  });
});
