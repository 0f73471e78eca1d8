// Region names for offline validation of --regions: from the SDK's partition data, never a kept list.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RuntimeError } from '../errors.js';

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
