// `partner-audit checks`: every check of a checklist with its requirement IDs, severity and IAM actions.

import type { Command } from '../../vendor/commander.js';
import { listChecks, renderCheckListing } from '../../catalog/describe.js';
import { getChecklist } from '../../catalog/index.js';
import type { CliContext } from '../context.js';

interface ChecksOptions {
  checklist?: string;
  json?: boolean;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('checks')
    .description('List the checks of a checklist with their requirement IDs, severity and the IAM actions they need.')
    .option('--checklist <id>', 'checklist id, optionally @version (smb-competency, ftr-partner-hosted)', 'smb-competency')
    .option('--json', 'print JSON instead of text')
    .addHelpText('after', '\nSee `partner-audit explain <check-id>` for one check in full, and docs/checks.md.')
    .action((options: ChecksOptions) => {
      const checklist = getChecklist(options.checklist);
      const listing = listChecks(context.checks, checklist);
      process.stdout.write(
        options.json
          ? `${JSON.stringify({ checklist: { id: checklist.id, version: checklist.version }, checks: listing }, null, 2)}\n`
          : renderCheckListing(listing, checklist),
      );
    });
}
