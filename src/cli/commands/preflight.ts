// `partner-audit preflight`: proves the access a scan needs, account by account, before a long run.

import { type Command, Option } from 'commander';
import { createClientPool } from '../../aws/clients.js';
import { connectAws } from '../../aws/credentials.js';
import { resolveTargets } from '../../aws/targets.js';
import { checksToRun } from '../../catalog/applicability.js';
import { buildPlan } from '../../collect/plan.js';
import { DEFAULT_HOME_REGION } from '../../contract/dataset.js';
import { EXIT } from '../../errors.js';
import { renderPreflight, runPreflight } from '../../run/preflight.js';
import { selectChecks } from '../../policy/selection.js';
import { scanSettings } from '../../run/collect.js';
import { addTargetOptions, commaList, positiveInt, resolveRunConfig, type ScanFlags } from '../../run/options.js';
import { checkSettingsOf } from '../../config/schema.js';
import type { CliContext } from '../context.js';

interface PreflightOptions extends ScanFlags {
  checks?: string[];
  sample?: number;
  format: 'text' | 'json';
}

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
      const { config } = await resolveRunConfig(options);
      const settings = await scanSettings(config, `preflight-${new Date().toISOString().replace(/[:.]/g, '')}`);
      const plan = buildPlan(checksToRun(selectChecks({ checklist: config.checklist, checkIds: options.checks }, context.checks), checkSettingsOf(config)));
      const pool = createClientPool({ settings });
      try {
        const access = await connectAws({ settings, pool });
        const callerClients = pool.factory({
          accountId: access.caller.accountId,
          region: DEFAULT_HOME_REGION,
          credentials: access.baseCredentials,
        });
        const report = await runPreflight({
          access,
          listTargets: () =>
            resolveTargets({
              accounts: config.accounts,
              organization: config.organization,
              callerAccountId: access.caller.accountId,
              clients: callerClients,
            }),
          organization: config.organization.enabled,
          pool,
          plan,
          settings,
          ...(options.sample === undefined ? {} : { sample: options.sample }),
        });
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderPreflight(report));
        process.exitCode = report.ready ? EXIT.ok : EXIT.incomplete;
      } finally {
        pool.destroy();
      }
    });
}

