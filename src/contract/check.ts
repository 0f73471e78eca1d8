// A check: typed metadata plus a pure evaluate(). It does no I/O and reads no clock (the engine
// passes `now`). The engine never calls evaluate() when a required dataset is missing: it reports
// ERROR naming the cause instead.

import type { ChecklistId } from './checklists/index.js';
import type { AnyDataset, DataOf, DatasetDeclaration } from './dataset.js';
import { withDependencies } from './dataset.js';
import type { DatasetError } from './record.js';
import type { CheckSettings } from './settings.js';
import type { FindingStatus, Severity } from './status.js';

export type Uses = Record<string, AnyDataset>;

export type DatasetView<T> =
  | { ok: true; data: T; requestIds: string[] }
  | { ok: false; error: DatasetError };

/** For account-scope checks, regional datasets arrive per region (each may have failed on its own). */
export type PerRegion<T> = Record<string, DatasetView<T>>;

type RegionData<U extends Uses> = { [K in keyof U]: DataOf<U[K]> };
type AccountData<U extends Uses> = {
  [K in keyof U]: U[K]['scope'] extends 'regional' ? PerRegion<DataOf<U[K]>> : DataOf<U[K]>;
};
type OptionalData<U extends Uses> = { [K in keyof U]: DatasetView<DataOf<U[K]>> };

/** What a check may know about the rest of the scan: the datasets of other accounts it declares it reads. */
export interface OrgView {
  scannedAccounts: ReadonlySet<string>;
  /**
   * `dataset` of `accountId` in `region` (`global` for account-wide ones); undefined when that
   * account or region was not collected. Only datasets the check lists in `readsOtherAccounts`.
   */
  dataset<T>(dataset: DatasetDeclaration<T>, accountId: string, region: string): DatasetView<T> | undefined;
}

export interface CheckInput<Data, Optional> {
  accountId: string;
  /** The region evaluated, or `global` for account-scope checks. */
  region: string;
  /** The account's regions in scope (excluding skipped ones). */
  regions: string[];
  /** Regions of the account a service control policy closes (judged only by checks that name them in judgedWhenClosed). */
  closedRegions: readonly string[];
  now: Date;
  settings: CheckSettings;
  data: Data;
  optional: Optional;
  org: OrgView;
}

export interface Outcome<M extends string> {
  status: FindingStatus;
  resource: string;
  messageId: M;
  params?: Record<string, string | number>;
  /** Region of the resource, when it differs from the evaluated one (account-scope checks). */
  region?: string;
  evidence?: Record<string, unknown>;
  /** Request IDs behind this outcome; defaults to those of every dataset the check used. */
  requestIds?: string[];
  /** Informational only: shown, never rolled up into the requirement status. */
  advisory?: boolean;
}

/** Questions a check asks of a dataset at collection time (e.g. which sample events a rule matches). */
export interface DatasetQuestions {
  dataset: AnyDataset;
  questions: readonly string[];
}

interface CheckMeta<M extends string> {
  /** Equals the file name under checks/. Checklist IDs are mapping targets, never check IDs. */
  id: string;
  /** The desired state, e.g. "GuardDuty is enabled in every region". */
  title: string;
  /** What is checked and how, in plain words for an auditor. */
  description: string;
  requirements: Partial<Record<ChecklistId, string[]>>;
  severity: Severity;
  remediation: string;
  docsUrl: string;
  /** Message templates by ID; `{name}` placeholders are filled from Outcome.params. */
  messages: Record<M, string>;
  /**
   * `only`: evaluate just in these regions, collected even when not selected (e.g. us-east-1 for Health).
   * `always`: evaluate in these regions in addition to the selected ones.
   */
  regions?: { only?: string[]; always?: string[] };
  /**
   * Regions where the check is judged even when a service control policy closes them (elsewhere a
   * closed region makes every finding NOT_APPLICABLE): us-east-1 for Health routing, whose global
   * events arrive there whatever the SCPs say, and for CloudFront's certificates in ACM.
   */
  judgedWhenClosed?: readonly string[];
  /** Datasets of other scanned accounts the check consults through `input.org`. */
  readsOtherAccounts?: readonly AnyDataset[];
  asks?: readonly DatasetQuestions[];
}

export interface RegionCheck<U extends Uses, O extends Uses, M extends string> extends CheckMeta<M> {
  scope: 'region';
  uses: U;
  optionalUses?: O;
  evaluate(input: CheckInput<RegionData<U>, OptionalData<O>>): Outcome<M>[];
}

export interface AccountCheck<U extends Uses, O extends Uses, M extends string> extends CheckMeta<M> {
  scope: 'account';
  uses: U;
  optionalUses?: O;
  evaluate(input: CheckInput<AccountData<U>, OptionalData<O>>): Outcome<M>[];
}

export type Check<U extends Uses = Uses, O extends Uses = Uses, M extends string = string> =
  | RegionCheck<U, O, M>
  | AccountCheck<U, O, M>;

/** Any check, erased for the engine's registry. */
export type AnyCheck = Check<Uses, Uses, string>;

export function defineCheck<U extends Uses, O extends Uses = {}, M extends string = string>(
  check: RegionCheck<U, O, M> | AccountCheck<U, O, M>,
): AnyCheck {
  return check as unknown as AnyCheck;
}

/** The datasets a check reads directly: required, optional, other accounts', asked. */
export function datasetsOf(check: AnyCheck): AnyDataset[] {
  return [
    ...new Set([
      ...Object.values(check.uses),
      ...Object.values(check.optionalUses ?? {}),
      ...(check.readsOtherAccounts ?? []),
      ...(check.asks ?? []).map((a) => a.dataset),
    ]),
  ];
}

/** Every IAM action a check needs: those of its datasets and their dependencies. */
export function checkActions(check: AnyCheck): string[] {
  return [...new Set(withDependencies(datasetsOf(check)).flatMap((d) => d.actions))].sort();
}
