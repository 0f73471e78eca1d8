// Finishes an interrupted run in place: accounts that never finished, or that `--deadline` cut short,
// are rescanned from scratch (their datasets file emptied first); finished accounts and their
// datasets stay as they are.

import { SnapshotError, UsageError } from '../errors.js';
import { GLOBAL } from '../contract/status.js';
import { DEADLINE_REACHED } from '../aws/endpoint-watch.js';
import type { ManifestAccount } from '../snapshot/manifest.js';
import { readAccountDatasets, readManifest } from '../snapshot/reader.js';
import type { Vocabulary } from '../snapshot/validate.js';
import { createSnapshotWriter } from '../snapshot/writer.js';
import type { Target } from '../aws/targets.js';
import type { AnyDataset } from '../contract/dataset.js';
import type { ScanPlan } from '../collect/plan.js';
import { runScan, type RunScanOptions, type ScanSummary } from '../collect/scanner.js';

export interface ResumeScanOptions extends Omit<RunScanOptions, 'targets' | 'writer' | 'priorTotals'> {
  dir: string;
  /** What the stored run may name (regions, datasets). */
  vocabulary: Vocabulary;
}

export interface ResumeSummary extends ScanSummary {
  /** Accounts scanned again; empty when the run was already complete. */
  rescanned: string[];
}

function unfinished(account: ManifestAccount): boolean {
  return account.status === 'PENDING' || account.finishedAt === undefined || account.stoppedBy === 'deadline';
}

function targetOf(account: ManifestAccount): Target {
  return { accountId: account.accountId, ...(account.name ? { name: account.name } : {}), ...(account.tags ? { tags: account.tags } : {}) };
}

/** What the caller's file already holds; undefined when it must be collected again (cut short, or torn by a kill). */
async function storedOrganization(options: ResumeScanOptions, callerId: string, callerIsTarget: boolean): Promise<Set<string> | undefined> {
  const collected = new Set<string>();
  if (options.plan.organization.length === 0) return collected;
  const ids = new Set(options.plan.organization.map((d) => d.id));
  try {
    for await (const r of readAccountDatasets(options.dir, callerId, options.vocabulary)) {
      if (r.region !== GLOBAL || !ids.has(r.collector)) continue;
      if (!r.ok && r.error.code === DEADLINE_REACHED && !callerIsTarget) return undefined;
      collected.add(r.collector);
    }
  } catch (error) {
    if (callerIsTarget || !(error instanceof SnapshotError)) throw error;
    return undefined;
  }
  return collected;
}

/** Organization datasets already stored under the caller (and not about to be emptied) are kept. */
function missingOrganization(plan: ScanPlan, stored: Set<string> | undefined): AnyDataset[] {
  return stored ? plan.organization.filter((d) => !stored.has(d.id)) : plan.organization;
}

export async function resumeScan(options: ResumeScanOptions): Promise<ResumeSummary> {
  const manifest = await readManifest(options.dir, options.vocabulary);
  if (manifest.complete) return { accounts: manifest.accounts, totals: manifest.totals, rescanned: [] };
  const callerId = options.access.caller.accountId;
  if (manifest.callerIdentity && manifest.callerIdentity.accountId !== callerId) {
    throw new UsageError(`this run was made from account ${manifest.callerIdentity.accountId}; resume it with the same credentials (now ${callerId})`);
  }
  const todo = manifest.accounts.filter(unfinished);
  const callerIsTarget = manifest.accounts.some((a) => a.accountId === callerId);
  const stored = todo.some((a) => a.accountId === callerId) ? undefined : await storedOrganization(options, callerId, callerIsTarget);
  // Without the caller as a target, its file holds only organization datasets: emptying it loses nothing else.
  const reset = new Set([...todo.map((a) => a.accountId), ...(stored ? [] : [callerId])]);
  // The deadline recorded is this attempt's, if it has one.
  const { deadline: _previous, ...kept } = manifest;
  const writer = createSnapshotWriter(options.dir, { ...kept, ...(options.deadline ? { deadline: options.deadline.at } : {}) });
  await Promise.all([...reset].map((id) => writer.resetAccount(id)));
  const organization = missingOrganization(options.plan, stored);
  const summary = await runScan({
    ...options,
    plan: { ...options.plan, organization },
    targets: todo.map(targetOf),
    writer,
    priorTotals: manifest.totals,
  });
  return { ...summary, rescanned: todo.map((a) => a.accountId) };
}
