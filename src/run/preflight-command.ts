// What `partner-audit preflight` does once its flags are parsed: resolve the config and targets,
// prove the access account by account, print the report and say whether a scan would be complete.

import { createClientPool } from '../aws/clients.js';
import { connectAws } from '../aws/credentials.js';
import { resolveTargets } from '../aws/targets.js';
import { checksToRun } from '../catalog/applicability.js';
import { buildPlan } from '../collect/plan.js';
import { checkSettingsOf } from '../config/schema.js';
import type { AnyCheck } from '../contract/check.js';
import { DEFAULT_HOME_REGION } from '../contract/dataset.js';
import { EXIT } from '../errors.js';
import { selectChecks } from '../policy/selection.js';
import { scanSettings } from './collect.js';
import { resolveRunConfig, type ScanFlags } from './options.js';
import { renderPreflight, runPreflight } from './preflight.js';

export interface PreflightOptions extends ScanFlags {
  checks?: string[];
  sample?: number;
  format: 'text' | 'json';
}

/** Prints the preflight report; returns the exit code (ready or not). */
export async function preflightCommand(options: PreflightOptions, checks: readonly AnyCheck[]): Promise<number> {
  const { config } = await resolveRunConfig(options);
  const settings = await scanSettings(config, `preflight-${new Date().toISOString().replace(/[:.]/g, '')}`);
  const plan = buildPlan(checksToRun(selectChecks({ checklist: config.checklist, checkIds: options.checks }, checks), checkSettingsOf(config)));
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
    return report.ready ? EXIT.ok : EXIT.incomplete;
  } finally {
    pool.destroy();
  }
}
