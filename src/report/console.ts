// The end-of-run summary on the terminal: requirements × accounts, then the call counts.

import chalk from 'chalk';
import type { RequirementStatus } from '../contract/status.js';
import type { Results } from '../contract/results.js';
import type { CallCounts, Manifest } from '../snapshot/manifest.js';

const SHORT: Record<RequirementStatus, string> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  WARN: 'WARN',
  ERROR: 'ERR',
  NOT_APPLICABLE: 'n/a',
  MANUAL: 'manual',
  ATTESTED: 'attest',
};

const PAINT: Record<RequirementStatus, (text: string) => string> = {
  PASS: chalk.green,
  FAIL: chalk.red.bold,
  WARN: chalk.yellow,
  ERROR: chalk.magenta,
  NOT_APPLICABLE: chalk.gray,
  MANUAL: chalk.cyan,
  ATTESTED: chalk.blue,
};

/** Beyond this many accounts the matrix shows status counts per requirement instead of columns. */
const MAX_ACCOUNT_COLUMNS = 6;

export function renderConsoleSummary(results: Results, manifest: Manifest): string {
  const lines = [
    `${results.checklist.id} ${results.checklist.version} · ${results.deploymentModel} · ${results.accounts.length} account(s)`,
    '',
    ...matrix(results),
    '',
    ...accountLines(results),
    callLine(manifest.totals),
  ];
  return `${lines.join('\n')}\n`;
}

function requirementRows(results: Results): string[] {
  const shown = new Set<string>();
  for (const r of results.requirements) if (r.status !== 'MANUAL' && r.status !== 'NOT_APPLICABLE') shown.add(r.requirementId);
  return [...shown];
}

function matrix(results: Results): string[] {
  const rows = requirementRows(results);
  const statusOf = new Map(results.requirements.map((r) => [`${r.requirementId}/${r.accountId}`, r.status]));
  const manualCount = new Set(results.requirements.filter((r) => r.status === 'MANUAL').map((r) => r.requirementId)).size;
  const footer = `${manualCount} requirement(s) await your attestation (partner-audit attest --init).`;
  if (results.accounts.length > MAX_ACCOUNT_COLUMNS) return [...countRows(results, rows), '', footer];
  const accounts = results.accounts.map((a) => a.accountId);
  const header = ['requirement'.padEnd(12), ...accounts.map((id) => id.padEnd(12))].join(' ');
  const body = rows.map((id) =>
    [id.padEnd(12), ...accounts.map((acct) => cell(statusOf.get(`${id}/${acct}`) ?? 'NOT_APPLICABLE', 12))].join(' '),
  );
  return [header, ...body, '', footer];
}

function cell(status: RequirementStatus, width: number): string {
  return PAINT[status](SHORT[status].padEnd(width));
}

function countRows(results: Results, rows: string[]): string[] {
  return rows.map((id) => {
    const counts = new Map<RequirementStatus, number>();
    for (const r of results.requirements) if (r.requirementId === id) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const parts = [...counts].map(([status, n]) => PAINT[status](`${n} ${SHORT[status]}`));
    return `${id.padEnd(12)} ${parts.join('  ')}`;
  });
}

function accountLines(results: Results): string[] {
  return results.accounts
    .filter((a) => a.status !== 'SCANNED' || a.skippedRegions.length > 0)
    .map((a) => {
      const skipped = a.skippedRegions.length ? `; skipped ${a.skippedRegions.map((s) => s.region).join(', ')}` : '';
      return `${a.accountId} ${a.status}${a.error ? `: ${a.error}` : ''}${skipped}`;
    });
}

function callLine(totals: CallCounts): string {
  return `API calls during the scan: ${totals.requests} requests, ${totals.retries} retries, ${totals.throttles} throttled, ${totals.errors} errors`;
}
