// `partner-audit report <run-dir>`: re-renders reports offline from results.json and the manifest.

import type { Command } from 'commander';
import { signRun, type SignOptions } from '../../bundle/sign.js';
import { exitCodeFor } from '../../engine/results.js';
import { UsageError } from '../../errors.js';
import { loadReportInput } from '../../run/report-input.js';
import { FORMATS } from '../../report/registry.js';
import { renderReports, renderToBuffer } from '../../report/render.js';
import type { CliContext } from '../context.js';

interface ReportOptions extends SignOptions {
  format: string;
  out?: string;
  baseline?: string;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('report')
    .description('Render reports again from a run directory, offline (no AWS calls unless signing with KMS).')
    .argument('<run-dir>', 'a run directory written by `partner-audit scan`')
    .option('--format <list>', `comma-separated formats, or all: ${FORMATS.join(', ')}`, 'all')
    .option('--out <target>', '"-" writes a single format to stdout instead of the run directory')
    .option('--baseline <run-dir>', 'a previous run, to show what changed')
    .option('--sign-key <pem>', 'sign manifest.json and SHA256SUMS with this Ed25519 private key (PEM file)')
    .option('--sign-kms-key-id <key-id>', 'sign with this AWS KMS asymmetric key (calls kms:GetPublicKey and kms:Sign)')
    .option('--profile <name>', 'AWS profile for the KMS signing call')
    .addHelpText(
      'after',
      '\nRendering rewrites SHA256SUMS; a previous SIGNATURE.json no longer holds and is removed unless you sign again.\n' +
        'Exit code follows the results, as for scan: 0 pass, 3 a requirement FAILs, 4 incomplete.',
    )
    .action(async (runDir: string, options: ReportOptions) => {
      process.exitCode = await report(runDir, options, context);
    });
}

export async function report(runDir: string, options: ReportOptions, context: CliContext): Promise<number> {
  if (options.out !== undefined && options.out !== '-') {
    throw new UsageError(`--out only takes "-" (stdout); reports are otherwise written into ${runDir}`);
  }
  const input = await loadReportInput(runDir, context.checks, options.baseline);
  if (options.out === '-') {
    process.stdout.write(await renderToBuffer(input, options.format));
    return exitCodeFor(input.results);
  }
  const { reports, signatureRemoved } = await renderReports(input, options.format, runDir);
  for (const r of reports) process.stderr.write(`wrote ${r.fileName} (${formatBytes(r.bytes)}, ${r.ms} ms)\n`);
  const signature = await signRun(runDir, options);
  if (signature) process.stderr.write(`signed with ${signature.algorithm} key ${signature.keyFingerprint}\n`);
  else if (signatureRemoved) {
    process.stderr.write('SIGNATURE.json removed: the files it covered changed; sign again with --sign-key or --sign-kms-key-id\n');
  }
  return exitCodeFor(input.results);
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
