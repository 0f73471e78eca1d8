// Which regions of an account are scanned. The account's own answer (EC2 DescribeRegions with
// AllRegions, the `ec2.regions` dataset) decides what is enabled; the user's --regions narrows it.
// Region names for offline validation come from the SDK's partition data, never a kept list.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RegionsEvidence } from '../datasets/ec2/datasets.js';
import { RuntimeError } from '../errors.js';
import type { SkippedRegion } from '../contract/results.js';

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

let known: string[] | undefined;

/**
 * Every region of every partition the installed SDK knows, for validating --regions offline.
 * The SDK keeps this table in @aws-sdk/core without exporting it, so it is read from its file.
 */
export function knownRegionNames(): string[] {
  known ??= readPartitionRegions();
  return known;
}

const PARTITIONS_FILE = 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';

function readPartitionRegions(): string[] {
  const pkg = createRequire(import.meta.url).resolve('@aws-sdk/core/package.json');
  const file = join(dirname(pkg), PARTITIONS_FILE);
  try {
    const source = readFileSync(file, 'utf8');
    const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
    const info = JSON.parse(json) as { partitions: { regions: Record<string, unknown> }[] };
    // `aws-global` and its kin are endpoint aliases, not regions.
    return info.partitions.flatMap((p) => Object.keys(p.regions)).filter((r) => !r.endsWith('-global')).sort();
  } catch (err) {
    throw new RuntimeError(`cannot read the AWS SDK's region list (${file}): ${(err as Error).message}`);
  }
}
