// The end-of-run summary on the terminal: the verdict, requirement rows by status, the five
// requirements to fix first, accounts not fully scanned, call counts and where the report is.

import chalk from '../vendor/chalk.js';
import type { Checklist } from '../contract/checklists/types.js';
import type { RequirementStatus } from '../contract/status.js';
import type { FindingSource, ResultsHead } from '../contract/results.js';
import type { CallCounts, JudgedManifest } from '../snapshot/manifest.js';
import { STATUS_ORDER, countStatuses } from './html/status.js';
import { listSome } from './html/format.js';
import { problemsToFixFirst, verdictLine, verdictOf, type Problem } from './priorities.js';

const PAINT: Record<RequirementStatus, (text: string) => string> = {
  PASS: chalk.green,
  FAIL: chalk.red.bold,
  WARN: chalk.yellow,
  ERROR: chalk.magenta,
  NOT_APPLICABLE: chalk.gray,
  MANUAL: chalk.cyan,
  ATTESTED: chalk.blue,
};

/** Requirements listed under "Fix first"; report.html lists them all. */
const WORST_SHOWN = 5;
/** Accounts not fully scanned named on the terminal; the report lists them all. */
const ACCOUNTS_NAMED = 10;

export interface ConsoleSummaryInput {
  results: ResultsHead;
  findings: FindingSource;
  manifest: JudgedManifest;
  checklist: Checklist;
  /** Where report.html was written, when it was. */
  reportPath?: string;
  /** Another checklist of the same scan: its accounts and calls were summed up already. */
  sameScan?: boolean;
}

export async function renderConsoleSummary({ results, findings, manifest, checklist, reportPath, sameScan }: ConsoleSummaryInput): Promise<string> {
  const lines = [
    ...(sameScan ? [''] : []),
    `${results.checklist.id} ${results.checklist.version} · ${results.deploymentModel} · ${results.accounts.length} account(s)`,
    chalk.bold(verdictLine(verdictOf({ results, checklist }))),
    `Requirement rows: ${statusCounts(results)}`,
    ...fixFirst(await problemsToFixFirst({ results, checklist, findings })),
    ...(sameScan ? [] : [...accountLines(results), callLine(manifest.totals)]),
    ...(reportPath ? [`Report: ${reportPath}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function statusCounts(results: ResultsHead): string {
  const counts = countStatuses(results.requirements.map((r) => r.status));
  return STATUS_ORDER.filter((s) => counts.has(s)).map((s) => PAINT[s](`${counts.get(s)} ${s}`)).join(' · ') || 'none';
}

function fixFirst(problems: Problem[]): string[] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, WORST_SHOWN).map((p) => {
    const where = p.subjects[0] === 'partner' ? 'partner' : listSome(p.subjects, 3);
    return `  ${PAINT[p.status](p.status.padEnd(5))} ${p.severity.padEnd(8)} ${p.requirement.id} ${p.requirement.title} (${where})`;
  });
  const more = problems.length > WORST_SHOWN ? [`  and ${problems.length - WORST_SHOWN} more in the report`] : [];
  return ['', 'Fix first:', ...shown, ...more, ''];
}

/** Accounts not fully scanned are named (the first few); skipped regions are counted by reason. */
function accountLines(results: ResultsHead): string[] {
  const notFull = results.accounts.filter((a) => a.status !== 'SCANNED');
  const named = notFull.slice(0, ACCOUNTS_NAMED).map((a) => `${a.accountId} ${a.status}${a.error ? `: ${a.error}` : ''}`);
  const more = notFull.length > ACCOUNTS_NAMED ? [`and ${notFull.length - ACCOUNTS_NAMED} more accounts not fully scanned (see the report)`] : [];
  const skipped = new Map<string, Set<string>>();
  for (const account of results.accounts) {
    for (const { region, reason } of account.skippedRegions) {
      const key = `${region} (${reason})`;
      skipped.set(key, (skipped.get(key) ?? new Set()).add(account.accountId));
    }
  }
  const skippedLines = [...skipped].map(([where, accounts]) => `Skipped ${where} in ${accounts.size} account(s)`);
  return [...named, ...more, ...skippedLines];
}

function callLine(totals: CallCounts): string {
  return `API calls during the scan: ${totals.requests} requests, ${totals.retries} retries, ${totals.throttles} throttled, ${totals.errors} errors`;
}
