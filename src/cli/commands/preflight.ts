// `partner-audit preflight`: proves the access a scan needs, account by account, before a long run.

import { type Command, Option } from '../../vendor/commander.js';
import { commaList, positiveInt, addTargetOptions } from '../../run/options.js';
import type { PreflightOptions } from '../../run/preflight-command.js';
import type { CliContext } from '../context.js';

export function register(program: Command, context: CliContext): void {
  addTargetOptions(
    program
      .command('preflight')
      .description('Check the access a scan needs: identity, organization, role in each account, regions, denied actions.'),
  )
    .option('--checks <ids>', 'only the datasets of these check ids, comma-separated', commaList)
    .option('--sample <n>', 'check only the first N accounts (by account ID)', positiveInt)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Reads one region per account (global datasets in their home region) and reports each dataset the
role cannot read, with the IAM action refused and the fix. Nothing is written anywhere.
Exit codes: 0 ready, 4 not ready (a scan would be incomplete), 1 runtime error, 2 usage error.`,
    )
    .action(async (options: PreflightOptions) => {
      // Loaded here so that `--help` and the other commands do not load the SDK.
      const { preflightCommand } = await import('../../run/preflight-command.js');
      process.exitCode = await preflightCommand(options, context.checks);
    });
}
