// The names a run directory may hold, for checking what is read back: every region of the SDK's
// partitions and every dataset this version collects.

import { knownRegionNames } from '../aws/regions.js';
import { ALL_DATASETS } from '../datasets/index.js';
import type { Vocabulary } from '../snapshot/validate.js';

let vocabulary: Vocabulary | undefined;

export function runVocabulary(): Vocabulary {
  vocabulary ??= { regions: new Set(knownRegionNames()), datasets: new Set(ALL_DATASETS.map((d) => d.id)) };
  return vocabulary;
}
