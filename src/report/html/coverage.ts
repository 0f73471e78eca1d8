// What the scan covered, computed once for the HTML header and the Markdown header line.

import type { AccountStatus } from '../../contract/status.js';
import type { ResultsHead } from '../../contract/results.js';
import type { JudgedManifest } from '../../snapshot/manifest.js';

export interface Coverage {
  accounts: Record<AccountStatus, number>;
  /** Accounts the manifest lists as still pending (an interrupted scan). */
  pending: number;
  regions: string[];
  /** Skipped regions grouped by reason: reason → "account/region" pairs. */
  skipped: Map<string, string[]>;
  failedAccounts: { accountId: string; name?: string; status: AccountStatus; error: string }[];
}

export function coverageOf(results: ResultsHead, manifest: JudgedManifest): Coverage {
  const accounts: Record<AccountStatus, number> = { SCANNED: 0, PARTIAL: 0, ERROR: 0 };
  const regions = new Set<string>();
  const skipped = new Map<string, string[]>();
  for (const account of results.accounts) {
    accounts[account.status] += 1;
    for (const region of account.regions) regions.add(region);
    for (const { region, reason } of account.skippedRegions) {
      skipped.set(reason, [...(skipped.get(reason) ?? []), `${account.accountId}/${region}`]);
    }
  }
  const failedAccounts = results.accounts
    .filter((a) => a.status !== 'SCANNED')
    .map((a) => ({ accountId: a.accountId, name: a.name, status: a.status, error: a.error ?? 'no reason recorded' }));
  return {
    accounts,
    pending: manifest.accounts.filter((a) => a.status === 'PENDING').length,
    regions: [...regions].sort(),
    skipped,
    failedAccounts,
  };
}
