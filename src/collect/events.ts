// How the scanner tells the outside world what it is doing, without printing anything itself.

import type { CallCounts, ManifestAccount } from '../snapshot/manifest.js';
import type { DatasetRecord } from '../contract/record.js';

export interface ScanEvents {
  /** `calls` reads the live request counters for the rest of the scan. */
  scanStarted?(info: { accounts: number; calls(): CallCounts }): void;
  accountStarted?(accountId: string): void;
  /** How many regions the account will be scanned in (known once its regions are listed). */
  regionsPlanned?(accountId: string, regions: number): void;
  regionFinished?(accountId: string, region: string): void;
  datasetFinished?(record: DatasetRecord): void;
  accountFinished?(account: ManifestAccount): void;
  scanFinished?(totals: CallCounts): void;
}
