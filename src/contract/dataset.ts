// A dataset declaration: what one AWS dataset is (id, scope, the IAM actions behind it, what it
// depends on) apart from how it is fetched. Checks import declarations; the collector that fetches
// a dataset registers against its declaration (src/datasets/<service>/collect.ts).

/**
 * - `regional`: once per account and region.
 * - `global`: once per account, called in `homeRegion` (IAM, Support, Health, Organizations).
 * - `organization`: once per scan, with the base (caller) credentials, stored under the caller account.
 */
export type DatasetScope = 'regional' | 'global' | 'organization';

/** Where global and organization datasets are fetched when their declaration names no region. */
export const DEFAULT_HOME_REGION = 'us-east-1';

declare const evidenceType: unique symbol;

export interface DatasetDeclaration<T> {
  /** Stable dataset id, e.g. `ec2.instances`: the snapshot key. */
  readonly id: string;
  readonly scope: DatasetScope;
  /** Where global and organization datasets are fetched; defaults to us-east-1. */
  readonly homeRegion?: string;
  /** Exact IAM actions the collector calls (its dependencies declare their own). */
  readonly actions: readonly string[];
  /** SDK operations whose IAM action is named differently, operation → action (S3 ListBuckets → s3:ListAllMyBuckets). */
  readonly operations?: Readonly<Record<string, string>>;
  /** Datasets the collector reads with `ctx.dataset` (for the policy, the plan, and the data a scan keeps in memory). */
  readonly dependsOn?: readonly AnyDataset[];
  /**
   * AWS prepares it for a while after the first call (IAM's credential report): the scanner starts
   * it as soon as the account is reached, so the wait overlaps everything else the account needs.
   */
  readonly startsFirst?: boolean;
  /**
   * For datasets that answer questions checks ask (routing samples): the questions a stored dataset
   * answered, so a check whose question was not asked at collection time is an error, not a miss.
   */
  readonly answered?: (data: T) => readonly string[];
  /** Type-level only: the evidence the dataset holds. */
  readonly [evidenceType]?: T;
}

export type AnyDataset = DatasetDeclaration<any>;

export type DataOf<D> = D extends DatasetDeclaration<infer T> ? T : never;

/** A regional declaration keeps its literal scope, so account-scope checks receive its data per region. */
export type RegionalDataset<T> = DatasetDeclaration<T> & { readonly scope: 'regional' };

export function defineDataset<T>(declaration: RegionalDataset<T>): RegionalDataset<T>;
export function defineDataset<T>(declaration: DatasetDeclaration<T>): DatasetDeclaration<T>;
export function defineDataset<T>(declaration: DatasetDeclaration<T>): DatasetDeclaration<T> {
  return declaration;
}

export function homeRegionOf(dataset: AnyDataset): string {
  return dataset.homeRegion ?? DEFAULT_HOME_REGION;
}

/** A dataset and every dataset it depends on, each once. */
export function withDependencies(datasets: Iterable<AnyDataset>): AnyDataset[] {
  const seen = new Set<AnyDataset>();
  const visit = (d: AnyDataset): void => {
    if (seen.has(d)) return;
    seen.add(d);
    d.dependsOn?.forEach(visit);
  };
  for (const d of datasets) visit(d);
  return [...seen];
}
