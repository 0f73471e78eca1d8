// How the scanner tells the outside world what it is doing, without printing anything itself.

import type { CallCounts, ManifestAccount } from '../snapshot/manifest.js';
import type { DatasetRecord } from '../contract/record.js';
import type { StallEvent } from '../aws/endpoint-watch.js';

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
  /** An endpoint host stopped answering: told once per stall, however many calls it fails. */
  endpointStalled?(event: StallEvent): void;
  /** A stalled endpoint answered again. */
  endpointRecovered?(host: string): void;
  /** `--deadline` ran out: calls in flight fail, accounts not finished end PARTIAL. */
  deadlineReached?(at: string): void;
}
