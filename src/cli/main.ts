#!/usr/bin/env node
// The one place that turns errors into a one-line message and an exit code.

import { Command, CommanderError } from '../vendor/commander.js';
import { ALL_CHECKS } from '../../checks/index.js';
import { EXIT, UsageError } from '../errors.js';
import { TOOL } from '../version.js';
import type { CliContext } from './context.js';
import { applyColorChoice, colorChoice, endQuietlyOnClosedPipes } from './terminal.js';
import { register as registerAttest } from './commands/attest.js';
import { register as registerChecks } from './commands/checks.js';
import { register as registerDiff } from './commands/diff.js';
import { register as registerExplain } from './commands/explain.js';
import { register as registerMerge } from './commands/merge.js';
import { register as registerPolicy } from './commands/policy.js';
import { register as registerPreflight } from './commands/preflight.js';
import { register as registerReport } from './commands/report.js';
import { register as registerScan } from './commands/scan.js';
import { register as registerVerify } from './commands/verify.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  every requirement passed (or is manual, attested or not applicable)
  1  runtime error, a run directory in use, or evidence that no longer matches its checksums
  2  usage or config error
  3  at least one requirement FAILs
  4  scan incomplete: ERROR somewhere, no FAIL`;

export function buildProgram(context: CliContext = { checks: ALL_CHECKS }): Command {
  const program = new Command()
    .name('partner-audit')
    .description('Audit AWS accounts against the AWS Partner SMB Competency and FTR technical requirements.')
    .version(TOOL.version)
    .option('--no-color', 'no colour on the terminal (NO_COLOR=1 does the same; FORCE_COLOR=1 forces colour)')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  const registers: ((program: Command, context: CliContext) => void)[] = [
    registerScan,
    registerChecks,
    registerExplain,
    registerAttest,
    registerReport,
    registerVerify,
    registerPolicy,
    registerPreflight,
    registerDiff,
    registerMerge,
  ];
  for (const register of registers) register(program, context);
  program.commands.forEach((command) => command.exitOverride());
  return program;
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError) return EXIT.usage;
  return EXIT.runtime;
}

export async function main(argv: string[]): Promise<number> {
  applyColorChoice(colorChoice(argv, process.env));
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    // Commander has already printed its own message (and help/version output exits with 0).
    if (!(error instanceof CommanderError)) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`partner-audit: ${message.split('\n')[0]}\n`);
      if (process.env.PARTNER_AUDIT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    }
    return exitCodeFor(error);
  }
}

// The SDK warns on every run that its releases after January 2027 need Node 22. Our lock file pins
// releases that run on Node 20 (docs/libraries.md), so the warning would only be noise on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
endQuietlyOnClosedPipes();
process.exitCode = await main(process.argv);
