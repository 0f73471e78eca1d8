// Finishes an interrupted run in place: accounts that never finished are rescanned from scratch
// (their partial datasets file emptied first); finished accounts and their datasets stay as they are.

import { UsageError } from '../errors.js';
import { GLOBAL } from '../contract/status.js';
import type { ManifestAccount } from '../snapshot/manifest.js';
import { readAccountDatasets, readManifest } from '../snapshot/reader.js';
import { createSnapshotWriter } from '../snapshot/writer.js';
import type { Target } from '../aws/targets.js';
import type { AnyDataset } from '../contract/dataset.js';
import type { ScanPlan } from '../collect/plan.js';
import { runScan, type RunScanOptions, type ScanSummary } from '../collect/scanner.js';

export interface ResumeScanOptions extends Omit<RunScanOptions, 'targets' | 'writer' | 'priorTotals'> {
  dir: string;
}

export interface ResumeSummary extends ScanSummary {
  /** Accounts scanned again; empty when the run was already complete. */
  rescanned: string[];
}

function unfinished(account: ManifestAccount): boolean {
  return account.status === 'PENDING' || account.finishedAt === undefined;
}

function targetOf(account: ManifestAccount): Target {
  return { accountId: account.accountId, ...(account.name ? { name: account.name } : {}), ...(account.tags ? { tags: account.tags } : {}) };
}

/** Organization datasets already stored under the caller (and not about to be emptied) are kept. */
async function missingOrganization(dir: string, plan: ScanPlan, callerId: string, resetting: boolean): Promise<AnyDataset[]> {
  if (resetting || plan.organization.length === 0) return plan.organization;
  const stored = new Set<string>();
  for await (const r of readAccountDatasets(dir, callerId)) if (r.region === GLOBAL) stored.add(r.collector);
  return plan.organization.filter((d) => !stored.has(d.id));
}

export async function resumeScan(options: ResumeScanOptions): Promise<ResumeSummary> {
  const manifest = await readManifest(options.dir);
  if (manifest.complete) return { accounts: manifest.accounts, totals: manifest.totals, rescanned: [] };
  const callerId = options.access.caller.accountId;
  if (manifest.callerIdentity && manifest.callerIdentity.accountId !== callerId) {
    throw new UsageError(`this run was made from account ${manifest.callerIdentity.accountId}; resume it with the same credentials (now ${callerId})`);
  }
  const todo = manifest.accounts.filter(unfinished);
  const writer = createSnapshotWriter(options.dir, manifest);
  await Promise.all(todo.map((a) => writer.resetAccount(a.accountId)));
  const organization = await missingOrganization(options.dir, options.plan, callerId, todo.some((a) => a.accountId === callerId));
  const summary = await runScan({
    ...options,
    plan: { ...options.plan, organization },
    targets: todo.map(targetOf),
    writer,
    priorTotals: manifest.totals,
  });
  return { ...summary, rescanned: todo.map((a) => a.accountId) };
}
