// `partner-audit report <run-dir>`: renders reports again, offline, into a folder of their own
// (src/run/rerender.ts); the run's evidence and SHA256SUMS are never rewritten.

import type { Command } from '../../vendor/commander.js';
import type { SignOptions } from '../../bundle/sign.js';
import { exitCodeFor } from '../../engine/results.js';
import { UsageError } from '../../errors.js';
import { FORMATS } from '../../report/registry.js';
import { rerenderNote } from '../../report/notes.js';
import { parseSeverities, parseStatuses, viewOf } from '../../report/view.js';
import type { RequirementStatus, Severity } from '../../contract/status.js';
import { commaList } from '../../run/options.js';
import type { CliContext } from '../context.js';

interface ReportOptions extends SignOptions {
  format: string;
  out?: string;
  baseline?: string;
  allowModified?: boolean;
  force?: boolean;
  severity?: Severity[];
  status?: RequirementStatus[];
  checks?: string[];
  requirements?: string[];
  checklist?: string;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('report')
    .description('Render reports again from a run directory, offline, into <run-dir>/rerenders/<time>/ (no AWS calls unless signing with KMS).')
    .argument('<run-dir>', 'a run directory written by `partner-audit scan`')
    .option('--format <list>', `comma-separated formats, or all: ${FORMATS.join(', ')}`, 'all')
    .option('--out <target>', '"-" writes a single format to stdout instead of a re-render folder')
    .option('--checklist <id>', "which checklist's results to render, when the scan judged several (default: the first, at the top of the run)")
    .option('--baseline <run-dir>', 'a previous run, to show what changed')
    .option('--allow-modified', 'render even when the evidence no longer matches SHA256SUMS; every report then says "re-rendered from modified results", with the hashes')
    .option('--checks <ids>', 'list only the findings of these checks and the requirements they map to', commaList)
    .option('--requirements <ids>', 'list only these requirements and their findings', commaList)
    .option('--severity <list>', 'list only findings of these severities (critical,high,medium,low,informational) and requirements with a check of one', parseSeverities)
    .option('--status <list>', 'list only these statuses (FAIL,ERROR,WARN,MANUAL,ATTESTED,PASS,NOT_APPLICABLE)', parseStatuses)
    .option('--force', "take over the run directory's stale lock (its process is gone)")
    .option('--sign-key <pem>', "sign the re-render folder (its RENDER.json and SHA256SUMS) with this Ed25519 private key (PEM file)")
    .option('--sign-kms-key-id <key-id>', 'sign the re-render folder with this AWS KMS asymmetric key (calls kms:GetPublicKey and kms:Sign)')
    .option('--profile <name>', 'AWS profile for the KMS signing call')
    .addHelpText(
      'after',
      '\nThe run is verified first: if its evidence no longer matches SHA256SUMS (or its signature), report\n' +
        'refuses (exit 1, naming the files) unless --allow-modified. The run\'s SHA256SUMS and SIGNATURE.json\n' +
        'are never rewritten; each rendering gets its own folder with RENDER.json and SHA256SUMS (docs/evidence.md).\n' +
        '--checks, --requirements, --severity and --status narrow what the reports list and each says so;\n' +
        'results.json (--format json) stays complete.\n' +
        'Exit code otherwise follows the results, as for scan: 0 pass, 3 a requirement FAILs, 4 incomplete.',
    )
    .action(async (runDir: string, options: ReportOptions) => {
      process.exitCode = await report(runDir, options, context);
    });
}

export async function report(runDir: string, options: ReportOptions, context: CliContext): Promise<number> {
  if (options.out !== undefined && options.out !== '-') {
    throw new UsageError(`--out only takes "-" (stdout); reports are otherwise written into ${runDir}/rerenders/`);
  }
  // Loaded here so that `--help` and the other commands do not load the SDK.
  const { rerenderRun } = await import('../../run/rerender.js');
  const outcome = await rerenderRun(
    {
      runDir,
      format: options.format,
      toStdout: options.out === '-',
      ...(options.baseline ? { baseline: options.baseline } : {}),
      ...(options.allowModified ? { allowModified: true } : {}),
      ...(options.force ? { force: true } : {}),
      view: {
        ...viewOf(options),
        ...(options.checks ? { checks: options.checks } : {}),
        ...(options.requirements ? { requirements: options.requirements } : {}),
      },
      ...(options.checklist ? { checklist: options.checklist } : {}),
      ...(options.signKey ? { signKey: options.signKey } : {}),
      ...(options.signKmsKeyId ? { signKmsKeyId: options.signKmsKeyId } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    },
    context.checks,
  );
  const note = rerenderNote(outcome.record);
  process.stderr.write(`${[note.headline, ...note.details].join('\n')}\n`);
  if (outcome.output !== undefined) {
    process.stdout.write(outcome.output);
    return exitCodeFor(outcome.results);
  }
  for (const r of outcome.reports) process.stderr.write(`wrote ${outcome.folder}/${r.fileName} (${formatBytes(r.bytes)}, ${r.ms} ms)\n`);
  if (outcome.signature) process.stderr.write(`signed ${outcome.folder} with ${outcome.signature.algorithm} key ${outcome.signature.keyFingerprint}\n`);
  return exitCodeFor(outcome.results);
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
