// CloudWatch Synthetics datasets: the canaries of a region and their state. The collectors that
// fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface CanariesEvidence {
  /** RUNNING, STOPPED, ERROR, ... */
  canaries: { name: string; state?: string }[];
}

export const syntheticsCanaries = defineDataset<CanariesEvidence>({
  id: 'synthetics.canaries',
  scope: 'regional',
  actions: ['synthetics:DescribeCanaries'],
});
