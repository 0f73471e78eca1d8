// Looks up the collector registered for a declared dataset.

import type { AnyCollector } from '../contract/collector.js';
import type { AnyDataset } from '../contract/dataset.js';
import { ALL_COLLECTORS } from './index.js';

const BY_ID = new Map(ALL_COLLECTORS.map((c) => [c.dataset.id, c]));

export function collectorOf(dataset: AnyDataset): AnyCollector {
  const collector = BY_ID.get(dataset.id);
  if (!collector) throw new Error(`no collector is registered for dataset ${dataset.id}`);
  return collector;
}
