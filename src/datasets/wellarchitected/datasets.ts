// AWS Well-Architected Tool datasets: the workloads of a region, when each was last updated and
// its latest milestone. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface WellArchitectedWorkload {
  id: string;
  name: string;
  arn: string;
  updatedAt?: string;
  /** When its most recent milestone was recorded. */
  lastMilestoneAt?: string;
  /** Risks by level (HIGH, MEDIUM, NONE, UNANSWERED, NOT_APPLICABLE). */
  riskCounts: Record<string, number>;
}

export interface WellArchitectedEvidence {
  /** False where the Well-Architected Tool has no endpoint. */
  available: boolean;
  workloads: WellArchitectedWorkload[];
}

export const wellArchitectedWorkloads = defineDataset<WellArchitectedEvidence>({
  id: 'wellarchitected.workloads',
  scope: 'regional',
  actions: ['wellarchitected:ListWorkloads', 'wellarchitected:ListMilestones'],
});
