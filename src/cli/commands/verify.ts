// `partner-audit verify <run-dir>`: checks every file against SHA256SUMS, the signature (required
// when a trusted key is given), and each re-render folder against its own checksums.

import { readFileSync } from 'node:fs';
import type { Command } from '../../vendor/commander.js';
import { kmsPublicKeyPem } from '../../bundle/sign.js';
import { verifyRun, type RenderCheck, type SignatureCheck, type VerifyReport } from '../../bundle/verify.js';
import { EXIT, UsageError } from '../../errors.js';

interface VerifyCommandOptions {
  publicKey?: string;
  kmsKeyId?: string;
  profile?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('Check that a run directory is intact: no file added, removed or changed, and a valid signature if signed (required with a trusted key).')
    .argument('<run-dir>', 'a run directory with a SHA256SUMS file')
    .option('--public-key <pem>', 'require a signature made with this public key (PEM file); an unsigned run fails')
    .option('--kms-key-id <key-id>', 'require a signature made with this AWS KMS key (its public key is read with kms:GetPublicKey); an unsigned run fails')
    .option('--profile <name>', 'AWS profile for the kms:GetPublicKey call')
    .option('--json', 'print the verification report as JSON')
    .addHelpText(
      'after',
      '\nWithout tooling: cd <run-dir> && sha256sum -c SHA256SUMS (docs/evidence.md shows how to check the signature too)\n' +
        'Exit codes: 0 intact, 1 differences found or signature missing or invalid (listed), 2 not a run directory.',
    )
    .action(async (runDir: string, options: VerifyCommandOptions) => {
      const trusted = await trustedKey(options);
      const report = await verifyRun(runDir, trusted ? { trustedPublicKey: trusted } : {});
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
      process.exitCode = report.ok ? EXIT.ok : EXIT.runtime;
    });
}

async function trustedKey(options: VerifyCommandOptions): Promise<string | undefined> {
  if (options.publicKey && options.kmsKeyId) throw new UsageError('use either --public-key or --kms-key-id, not both');
  if (options.publicKey) return readKey(options.publicKey);
  if (options.kmsKeyId) return kmsPublicKeyPem(options.kmsKeyId, options.profile);
  return undefined;
}

function readKey(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the public key ${path}: ${(error as Error).message}`);
  }
}

function signatureLine(signature: SignatureCheck | undefined, subject: string): string {
  if (!signature) return `signature: none (${subject} is not signed)`;
  if (!signature.valid) return `signature: ${signature.missing ? 'MISSING' : 'INVALID'} (${signature.problem})`;
  const kms = signature.kmsKeyId ? ` (KMS key ${signature.kmsKeyId})` : '';
  return `signature: valid, ${signature.algorithm}, key ${signature.keyFingerprint}${kms}`;
}

function renderLines(render: RenderCheck): string[] {
  const differences = [
    ...render.changed.map((f) => `  changed: ${f}`),
    ...render.removed.map((f) => `  removed: ${f}`),
    ...render.added.map((f) => `  added:   ${f}`),
  ];
  const source = render.record?.source === 'modified' ? 're-rendered from MODIFIED results (see its RENDER.json)' : 'rendered from the sealed evidence';
  const state = render.problem
    ? `FAILED (${render.problem})`
    : differences.length
      ? `FAILED, ${differences.length} difference(s) in its ${render.checked} files`
      : `${render.ok ? 'OK' : 'FAILED'}, ${render.checked} files match its SHA256SUMS; ${source}`;
  const signature = render.signature ? [`  ${signatureLine(render.signature, 'it')}`] : [];
  return [`re-render ${render.dir}: ${state}`, ...differences, ...signature];
}

export function describe(report: VerifyReport): string {
  const lines = [
    ...report.changed.map((f) => `changed: ${f}`),
    ...report.removed.map((f) => `removed: ${f}`),
    ...report.added.map((f) => `added:   ${f}`),
  ];
  const verdict = report.ok ? 'OK' : 'FAILED';
  lines.push(lines.length ? `${verdict}: ${lines.length} difference(s) in ${report.checked} files` : `${verdict}: ${report.checked} files match SHA256SUMS`);
  lines.push(signatureLine(report.signature, 'the run'));
  for (const render of report.renders ?? []) lines.push(...renderLines(render));
  return `${lines.join('\n')}\n`;
}
