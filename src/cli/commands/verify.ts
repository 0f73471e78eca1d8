// `partner-audit verify <run-dir>`: checks every file against SHA256SUMS and the signature, if any.

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyRun, type VerifyReport } from '../../bundle/verify.js';
import { EXIT, UsageError } from '../../errors.js';

interface VerifyCommandOptions {
  publicKey?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('Check that a run directory is intact: no file added, removed or changed, and a valid signature if signed.')
    .argument('<run-dir>', 'a run directory with a SHA256SUMS file')
    .option('--public-key <pem>', 'require the signature to be made with this public key (PEM file)')
    .option('--json', 'print the verification report as JSON')
    .addHelpText(
      'after',
      '\nWithout tooling: cd <run-dir> && sha256sum -c SHA256SUMS\n' +
        'Exit codes: 0 intact, 1 differences found (listed), 2 not a run directory.',
    )
    .action(async (runDir: string, options: VerifyCommandOptions) => {
      const report = await verifyRun(runDir, options.publicKey ? { trustedPublicKey: readKey(options.publicKey) } : {});
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
      process.exitCode = report.ok ? EXIT.ok : EXIT.runtime;
    });
}

function readKey(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the public key ${path}: ${(error as Error).message}`);
  }
}

export function describe(report: VerifyReport): string {
  const lines = [
    ...report.changed.map((f) => `changed: ${f}`),
    ...report.removed.map((f) => `removed: ${f}`),
    ...report.added.map((f) => `added:   ${f}`),
  ];
  const { signature } = report;
  if (signature && !signature.valid) lines.push(`signature: INVALID (${signature.problem})`);
  if (report.ok) lines.push(`OK: ${report.checked} files match SHA256SUMS`);
  else lines.push(`FAILED: ${lines.length} difference(s) in ${report.checked} files`);
  if (signature?.valid) {
    const kms = signature.kmsKeyId ? ` (KMS key ${signature.kmsKeyId})` : '';
    lines.push(`signature: valid, ${signature.algorithm}, key ${signature.keyFingerprint}${kms}`);
  } else if (!signature) {
    lines.push('signature: none (the run is not signed)');
  }
  return `${lines.join('\n')}\n`;
}
