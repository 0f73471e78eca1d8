// Which regions of an account are scanned. The account's own answer (EC2 DescribeRegions with
// AllRegions, the `ec2.regions` dataset) decides what is enabled; the user's --regions narrows it.

import type { SkippedRegion } from '../contract/results.js';
import type { RegionsEvidence } from '../datasets/ec2/datasets.js';

const ENABLED = new Set(['opt-in-not-required', 'opted-in']);

export interface RegionSelection {
  /** Regions in scope: enabled and (when the user chose) requested. Sorted. */
  regions: string[];
  /** Every region enabled for the account, in scope or not (checks' `only`/`always` regions). */
  enabled: string[];
  /** Enabled regions that are opt-in ones: their auth failures can mean "not enabled". */
  optIn: string[];
  skipped: SkippedRegion[];
}

export function selectRegions(evidence: RegionsEvidence, requested?: string[]): RegionSelection {
  const status = new Map(evidence.regions.map((r) => [r.name, r.optInStatus]));
  const enabled = [...status].filter(([, s]) => ENABLED.has(s)).map(([name]) => name).sort();
  const optIn = [...status].filter(([, s]) => s === 'opted-in').map(([name]) => name).sort();
  const wanted = requested ? [...new Set(requested)].sort() : [...status.keys()].sort();
  const regions: string[] = [];
  const skipped: SkippedRegion[] = [];
  for (const region of wanted) {
    const s = status.get(region);
    if (s !== undefined && ENABLED.has(s)) regions.push(region);
    else skipped.push({ region, reason: s === undefined ? 'region not offered to this account' : `opt-in region not enabled (${s})` });
  }
  return { regions, enabled, optIn, skipped };
}
