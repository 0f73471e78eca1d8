// Which collectors run where, derived from the checks to run: the union of what they use, plus
// the collectors those depend on. Regional collectors run in the account's regions in scope,
// plus any region a check always wants; a collector only `only`-checks use runs just there.

import type { AnyCheck } from '../engine/check.js';
import type { Collector } from './collector.js';
import type { RegionsEvidence } from './evidence.js';
import { ec2Regions } from './collectors/ec2.js';

export const DEFAULT_HOME_REGION = 'us-east-1';

export interface PlannedRegional {
  collector: Collector<unknown>;
  /** Runs in the account's regions in scope. */
  inScope: boolean;
  /** Regions wanted regardless of scope (checks' `only`/`always`); run where the account has them enabled. */
  extraRegions: string[];
}

export interface ScanPlan {
  /** Lists the account's regions; runs first in every account (`ec2.regions`). */
  regions: Collector<RegionsEvidence>;
  /** Once per scan with the caller's credentials, stored under the caller account in `global`. */
  organization: Collector<unknown>[];
  /** Once per account in their home region, stored in `global`. */
  global: Collector<unknown>[];
  regional: PlannedRegional[];
}

interface RegionNeed {
  inScope: boolean;
  extra: Set<string>;
}

function needOf(check: AnyCheck): RegionNeed {
  const only = check.regions?.only;
  if (only) return { inScope: false, extra: new Set(only) };
  return { inScope: true, extra: new Set(check.regions?.always ?? []) };
}

export function buildPlan(checks: readonly AnyCheck[]): ScanPlan {
  const organization = new Set<Collector<unknown>>();
  const global = new Set<Collector<unknown>>();
  const regional = new Map<Collector<unknown>, RegionNeed>();

  const visit = (collector: Collector<unknown>, need: RegionNeed): void => {
    if (collector.scope === 'organization') organization.add(collector);
    else if (collector.scope === 'global') global.add(collector);
    else {
      const seen = regional.get(collector);
      const merged = seen
        ? { inScope: seen.inScope || need.inScope, extra: new Set([...seen.extra, ...need.extra]) }
        : { inScope: need.inScope, extra: new Set(need.extra) };
      const unchanged = seen && seen.inScope === merged.inScope && seen.extra.size === merged.extra.size;
      regional.set(collector, merged);
      if (unchanged) return;
    }
    for (const dep of collector.dependsOn ?? []) visit(dep, need);
  };

  for (const check of checks) {
    const need = needOf(check);
    for (const c of [...Object.values(check.uses), ...Object.values(check.optionalUses ?? {})]) visit(c, need);
  }
  return {
    regions: ec2Regions,
    organization: [...organization],
    global: [...global],
    regional: [...regional].map(([collector, need]) => ({
      collector,
      inScope: need.inScope,
      extraRegions: [...need.extra].sort(),
    })),
  };
}

/** The regions one regional collector runs in for an account: never a region it has not enabled. */
export function regionsFor(item: PlannedRegional, account: { regions: string[]; enabled: string[] }): string[] {
  const wanted = new Set(item.inScope ? account.regions : []);
  for (const r of item.extraRegions) if (account.enabled.includes(r)) wanted.add(r);
  return [...wanted].sort();
}

export function homeRegionOf(collector: Collector<unknown>): string {
  return collector.homeRegion ?? DEFAULT_HOME_REGION;
}
