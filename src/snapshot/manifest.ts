// The run's manifest: what was attempted, what succeeded, and how hard we pushed the APIs.
// Written at the start of a scan and rewritten as accounts finish, so an interrupted run keeps it.

import type { AccountStatus } from '../contract/status.js';
import type { SkippedRegion } from '../contract/results.js';

export interface CallCounts {
  requests: number;
  retries: number;
  throttles: number;
  errors: number;
}

export interface ManifestAccount {
  accountId: string;
  name?: string;
  tags?: Record<string, string>;
  status: AccountStatus | 'PENDING';
  error?: string;
  regions: string[];
  skippedRegions: SkippedRegion[];
  /** Per service (e.g. `iam`, `ec2`). */
  calls: Record<string, CallCounts>;
  startedAt?: string;
  finishedAt?: string;
  /** Set when the scan's `--deadline` cut this account short: `--resume` scans it again. */
  stoppedBy?: 'deadline';
}

/** An account as the evaluation and the reports read it: its per-service call counts stay in the file. */
export type JudgedAccount = Omit<ManifestAccount, 'calls'>;

/** The manifest as the evaluation and the reports hold it, without what only the file needs. */
export type JudgedManifest = Omit<Manifest, 'accounts'> & { accounts: JudgedAccount[] };

/** What the scan was asked to reach, so `--resume` can refuse a different request. */
export interface ScanSelection {
  /** `--accounts`, sorted; absent with `--org` or for the caller's own account. */
  accounts?: string[];
  organization?: {
    includeAccounts: string[];
    excludeAccounts: string[];
    includeTags: Record<string, string>;
    excludeTags: Record<string, string>;
  };
  /** `--regions`, sorted; absent for every enabled region. */
  regions?: string[];
}

export interface Manifest {
  schemaVersion: 1;
  tool: { name: string; version: string };
  runId: string;
  checklist: { id: string; version: string };
  /** Every checklist the collection served, the primary first (absent when only the primary). */
  checklists?: { id: string; version: string }[];
  /** SHA-256 of the effective config (after defaults), so a rerun can prove it used the same settings. */
  configHash: string;
  callerIdentity?: { accountId: string; arn: string };
  startedAt: string;
  finishedAt?: string;
  /** false while the scan runs or when it was interrupted. */
  complete: boolean;
  /** Shard of a larger scan (`--shard i/n`), when used. */
  shard?: { index: number; count: number };
  /** The targets and regions asked for (absent in runs written before it was recorded). */
  selection?: ScanSelection;
  /** When `--deadline` was given: the time collection had to stop by. */
  deadline?: string;
  accounts: ManifestAccount[];
  totals: CallCounts;
}

/** Datasets live beside the manifest, one JSON Lines file per account. */
export const MANIFEST_FILE = 'manifest.json';
export const DATASETS_DIR = 'datasets';
export const RESULTS_FILE = 'results.json';
