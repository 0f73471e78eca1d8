// Account-scope checks that look for evidence in any region: the regions whose dataset was read,
// and, for the others, the outcome the engine would give a region-scope check (checks/lib/region-views.ts).

import type { Outcome, PerRegion } from '../../src/contract/check.js';
import { failedRegion, REGION_VIEW_MESSAGES } from './region-views.js';

export type RegionViewMessageId = keyof typeof REGION_VIEW_MESSAGES;

export interface RegionEvidence<T> {
  read: { region: string; data: T }[];
  /** One outcome per region that could not be read (NOT_APPLICABLE where closed or disabled). */
  unread: Outcome<RegionViewMessageId>[];
}

type DataOfViews<V> = { [K in keyof V]: V[K] extends PerRegion<infer D> ? D : never };

/** The regions of several datasets read together: a region counts once every one of them was read there. */
export function readTogether<V extends Record<string, PerRegion<unknown>>>(
  views: V,
  datasets: { [K in keyof V]: string },
  closedRegions: readonly string[],
  resource: string,
): RegionEvidence<DataOfViews<V>> {
  type T = DataOfViews<V>;
  const keys = Object.keys(views) as (keyof V & string)[];
  const view = (k: keyof V & string, region: string) => (views[k] as PerRegion<unknown>)[region];
  const regions = [...new Set(keys.flatMap((k) => Object.keys(views[k] as PerRegion<unknown>)))].sort();
  const evidence: RegionEvidence<T> = { read: [], unread: [] };
  for (const region of regions) {
    const failedKey = keys.find((k) => view(k, region)?.ok === false);
    const failed = failedKey && view(failedKey, region);
    if (failed && !failed.ok) {
      evidence.unread.push({ ...failedRegion(failed, region, datasets[failedKey], closedRegions), resource, region, evidence: { error: failed.error } });
      continue;
    }
    const data = keys.map((k) => [k, view(k, region)] as const);
    if (data.every(([, v]) => v?.ok)) evidence.read.push({ region, data: Object.fromEntries(data.map(([k, v]) => [k, v?.ok && v.data])) as T });
  }
  return evidence;
}

/** The regions where one dataset was read. */
export function readRegions<T>(views: PerRegion<T>, dataset: string, closedRegions: readonly string[], resource: string): RegionEvidence<T> {
  const { read, unread } = readTogether({ data: views }, { data: dataset }, closedRegions, resource);
  return { read: read.map(({ region, data }) => ({ region, data: data.data as T })), unread };
}
