// A dataset as the snapshot stores it: the data, or the classified error that kept it from us.

/** How a failed dataset failed. `scp-denied` and `region-disabled` are answers about the region, not faults. */
export const DATASET_ERROR_KINDS = ['access-denied', 'scp-denied', 'region-disabled', 'throttled', 'error'] as const;
export type DatasetErrorKind = (typeof DATASET_ERROR_KINDS)[number];

export interface DatasetError {
  kind: DatasetErrorKind;
  code: string;
  message: string;
  /** The IAM action that was refused, when known. */
  action?: string;
}

interface DatasetRecordBase {
  accountId: string;
  /** `global` for global and organization datasets. */
  region: string;
  /** The dataset id (named `collector` in the snapshot format). */
  collector: string;
  startedAt: string;
  finishedAt: string;
  requestIds: string[];
}

export interface DatasetSuccess<T = unknown> extends DatasetRecordBase {
  ok: true;
  data: T;
}

export interface DatasetFailure extends DatasetRecordBase {
  ok: false;
  error: DatasetError;
}

export type DatasetRecord<T = unknown> = DatasetSuccess<T> | DatasetFailure;

/**
 * What a scan keeps of a record once the snapshot has it: which dataset, where, and how it went. The
 * data itself stays on disk, so an account at work holds no more than its datasets in progress.
 */
export type RecordOutcome = Pick<DatasetRecordBase, 'region' | 'collector'> & ({ ok: true } | { ok: false; error: DatasetError });

export function outcomeOf(record: DatasetRecord): RecordOutcome {
  const { region, collector } = record;
  return record.ok ? { region, collector, ok: true } : { region, collector, ok: false, error: record.error };
}
