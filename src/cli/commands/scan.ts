// `partner-audit scan`: flags in, the scan pipeline (src/run/scan.ts), progress and summary out.

import { type Command, Option } from '../../vendor/commander.js';
import { summaryLine } from '../../bookkeeping/diff-render.js';
import { exitCodeForAll } from '../../engine/results.js';
import { renderConsoleSummary } from '../../report/console.js';
import { FORMATS } from '../../report/registry.js';
import { parseSeverities, parseStatuses, viewNote, viewOf } from '../../report/view.js';
import { appendValue, autoOrPositiveInt, commaList, duration, positiveInt, addTargetOptions } from '../../run/options.js';
import type { ScanOutcome, ScanRequest } from '../../run/scan.js';
import type { CliContext } from '../context.js';
import { createProgress } from '../progress.js';

interface ScanOptions extends ScanRequest {
  quiet?: boolean;
  exitZero?: boolean;
}

const DEFAULT_FORMATS = 'html,markdown';

export function register(program: Command, context: CliContext): void {
  addTargetOptions(
    program
      .command('scan')
      .description('Collect evidence from AWS (or load a saved --snapshot), evaluate the checks, write results and reports.'),
  )
    .addOption(new Option('--deployment-model <model>', 'how the solution is deployed (default saas)').choices(['saas', 'customer-deployed']))
    .option('--attestations <file>', 'YAML attestations and accepted exceptions (partner-audit attest --init); repeatable', appendValue)
    .option('-o, --out <dir>', 'run directory to write: new or empty (default runs/<timestamp>)')
    .option('--force', 'replace the earlier run in --out; --resume with other targets or regions; take over a stale lock')
    .option('-f, --format <list>', `report formats, comma-separated, or all: ${FORMATS.join(', ')}`, DEFAULT_FORMATS)
    .option('--snapshot <dir>', 'evaluate a saved run directory offline instead of calling AWS: all it holds (--accounts, --regions, --org and its filters are refused)')
    .option('--resume <run-dir>', 'finish an interrupted scan (or one cut by --deadline): rescan only the accounts that did not finish')
    .option('--deadline <duration>', 'stop collecting after this long (e.g. 90m, 2h): unfinished accounts end PARTIAL, "deadline reached", and --resume finishes them', duration)
    .option('--shard <i/n>', 'scan only shard i of n of the account list (see partner-audit merge)')
    .option('--baseline <run-dir>', 'a previous run: report what changed since it (also writes diff.md and diff.json)')
    .addOption(new Option('--retry-mode <mode>', 'SDK retry strategy (default standard)').choices(['standard', 'adaptive']))
    .option('--max-attempts <n>', 'SDK attempts per call, retries included (default 8)', positiveInt)
    .option('--accounts-in-parallel <n|auto>', 'accounts scanned at once at most (default auto: as many as the in-flight cap keeps busy)', autoOrPositiveInt)
    .option('--requests-in-flight <n>', 'AWS requests in flight at once, all accounts together (default 96)', positiveInt)
    .option('--sign-key <pem>', 'sign manifest.json and SHA256SUMS with this Ed25519 private key (PEM file)')
    .option('--sign-kms-key-id <key-id>', 'sign with this AWS KMS asymmetric key in your own account')
    .option('--upload <s3-uri>', 'copy the run directory to s3://bucket/prefix in your own evidence bucket')
    .option('--notify <target>', 'with --baseline: send what regressed, new FAILs and expiring attestations/exceptions, only when something did, to an SNS topic ARN in your account or an https Slack/Teams webhook')
    .option('--security-hub', "import the findings (ASFF) into your own Security Hub in your configured region, with the base credentials (securityhub:BatchImportFindings)")
    .option('--checks <ids>', 'collect and judge only these checks (comma-separated; partner-audit checks lists them): rows only for the requirements they map to', commaList)
    .option('--requirements <ids>', 'collect and judge only these requirement IDs (comma-separated; `partner-audit checks` lists them)', commaList)
    .option('--severity <list>', 'reports list only findings of these severities (critical,high,medium,low,informational) and requirements with a check of one; results.json stays complete', parseSeverities)
    .option('--status <list>', 'reports list only these statuses (FAIL,ERROR,WARN,MANUAL,ATTESTED,PASS,NOT_APPLICABLE); results.json stays complete', parseStatuses)
    .option('-q, --quiet', 'no progress line and no summary on the terminal')
    .option('--exit-zero', 'exit 0 even when a requirement FAILs or the scan is incomplete (errors in the run itself still exit 1 or 2)')
    .addHelpText(
      'after',
      '\nEvery argument that can be checked offline (flags, config, attestations, --baseline, --upload, --notify, the\n' +
        'signing key, the output directory) is checked before the first AWS call. The run directory is locked\n' +
        'while the scan writes it; a second scan, resume or report on it is refused. An endpoint that gives no\n' +
        'response for timeouts.stallMs (default 45 s) fails its calls at once, reported once (docs/operating.md).',
    )
    .action(async (options: ScanOptions) => {
      process.exitCode = await scan(options, context);
    });
}

async function scan(options: ScanOptions, context: CliContext): Promise<number> {
  // Loaded here so that `--help` and the commands that never call AWS do not load the SDK.
  const { runScanPipeline } = await import('../../run/scan.js');
  const progress = createProgress({ quiet: Boolean(options.quiet) });
  let outcome: ScanOutcome;
  try {
    outcome = await runScanPipeline(options, context.checks, progress);
  } finally {
    progress.stop();
  }
  if (!options.quiet) {
    for (const [index, { results, findings, checklist, reportFiles, diff }] of outcome.checklists.entries()) {
      const reportPath = reportFiles.find((file) => file.endsWith('report.html'));
      const sameScan = index > 0;
      process.stdout.write(await renderConsoleSummary({ results, findings, manifest: outcome.manifest, checklist, sameScan, ...(reportPath && { reportPath }) }));
      if (diff) process.stdout.write(`${summaryLine(diff)}\n`);
    }
    const filtered = viewNote(viewOf(options), outcome.results.selection);
    if (filtered) process.stdout.write(`${filtered}\n`);
    if (outcome.notified) process.stdout.write(`Notify: ${outcome.notified}\n`);
    if (outcome.securityHub) process.stdout.write(`Security Hub: ${outcome.securityHub.imported} finding(s) imported in ${outcome.securityHub.region}\n`);
    process.stdout.write(`Run directory: ${outcome.outDir}${outcome.signed ? ' (signed)' : ''}\n`);
  }
  return options.exitZero ? 0 : exitCodeForAll(outcome.checklists.map((c) => c.results));
}
