// Which datasets are collected where, derived from the checks to run: the union of what they read,
// plus the datasets those depend on. Regional datasets are collected in the account's regions in
// scope, plus any region a check always wants; a dataset only `only`-checks read is collected just there.

import { datasetsOf, type AnyCheck } from '../contract/check.js';
import type { AnyCollector } from '../contract/collector.js';
import type { AnyDataset, DatasetDeclaration } from '../contract/dataset.js';
import { ec2Instances, ec2Regions, type RegionsEvidence } from '../datasets/ec2/datasets.js';
import { collectorOf as registered } from '../datasets/registry.js';

export interface PlannedRegional {
  dataset: AnyDataset;
  /** Collected in the account's regions in scope. */
  inScope: boolean;
  /** Regions wanted regardless of scope (checks' `only`/`always`); collected where the account has them enabled. */
  extraRegions: string[];
}

export interface ScanPlan {
  /** Lists the account's regions; collected first in every account (`ec2.regions`). */
  regions: DatasetDeclaration<RegionsEvidence>;
  /** Collected first in every region in scope: its SCP denial closes the region (`ec2.instances`). */
  probe: AnyDataset;
  /** Once per scan with the caller's credentials, stored under the caller account in `global`. */
  organization: AnyDataset[];
  /** Once per account in their home region, stored in `global`. */
  global: AnyDataset[];
  regional: PlannedRegional[];
  /** What the checks ask of each dataset at collection time, by dataset id. */
  questions: ReadonlyMap<string, readonly string[]>;
  /** The collector that fetches a dataset (the registry's, unless a test brings its own). */
  collectorOf(dataset: AnyDataset): AnyCollector;
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

function questionsOf(checks: readonly AnyCheck[]): Map<string, readonly string[]> {
  const asked = new Map<string, Set<string>>();
  for (const { dataset, questions } of checks.flatMap((c) => c.asks ?? [])) {
    const set = asked.get(dataset.id) ?? new Set<string>();
    questions.forEach((q) => set.add(q));
    asked.set(dataset.id, set);
  }
  return new Map([...asked].map(([id, set]) => [id, [...set].sort()]));
}

export function buildPlan(checks: readonly AnyCheck[], collectorOf: ScanPlan['collectorOf'] = registered): ScanPlan {
  const organization = new Set<AnyDataset>();
  const global = new Set<AnyDataset>();
  const regional = new Map<AnyDataset, RegionNeed>();

  const visit = (dataset: AnyDataset, need: RegionNeed): void => {
    if (dataset.scope === 'organization') organization.add(dataset);
    else if (dataset.scope === 'global') global.add(dataset);
    else {
      const seen = regional.get(dataset);
      const merged = seen
        ? { inScope: seen.inScope || need.inScope, extra: new Set([...seen.extra, ...need.extra]) }
        : { inScope: need.inScope, extra: new Set(need.extra) };
      const unchanged = seen && seen.inScope === merged.inScope && seen.extra.size === merged.extra.size;
      regional.set(dataset, merged);
      if (unchanged) return;
    }
    for (const dep of dataset.dependsOn ?? []) visit(dep, need);
  };

  visit(ec2Instances, { inScope: true, extra: new Set() });
  for (const check of checks) {
    const need = needOf(check);
    for (const dataset of datasetsOf(check)) visit(dataset, need);
  }
  return {
    regions: ec2Regions,
    probe: ec2Instances,
    organization: [...organization],
    global: [...global],
    regional: [...regional].map(([dataset, need]) => ({ dataset, inScope: need.inScope, extraRegions: [...need.extra].sort() })),
    questions: questionsOf(checks),
    collectorOf,
  };
}

/**
 * The datasets whose data a scan keeps in memory once written: the account's region list, which
 * the scanner reads, and every dataset another planned dataset depends on (`ctx.dataset`).
 */
export function keptDatasets(plan: Pick<ScanPlan, 'regions' | 'organization' | 'global' | 'regional'>): Set<AnyDataset> {
  const planned = [...plan.organization, ...plan.global, ...plan.regional.map((r) => r.dataset)];
  return new Set([plan.regions, ...planned.flatMap((d) => d.dependsOn ?? [])]);
}

/** The regions one regional dataset is collected in for an account: never a region it has not enabled. */
export function regionsFor(item: PlannedRegional, account: { regions: string[]; enabled: string[] }): string[] {
  const wanted = new Set(item.inScope ? account.regions : []);
  for (const r of item.extraRegions) if (account.enabled.includes(r)) wanted.add(r);
  return [...wanted].sort();
}
