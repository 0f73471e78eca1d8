// Amazon Macie datasets: whether Macie runs in a region and its sensitive-data discovery jobs. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface MacieJob {
  jobId: string;
  name?: string;
  /** RUNNING, IDLE, COMPLETE, PAUSED, USER_PAUSED or CANCELLED. */
  status?: string;
  /** ONE_TIME or SCHEDULED. */
  type?: string;
  createdAt?: string;
}

export interface MacieEvidence {
  /** False where Macie was never enabled ("Macie is not enabled"). */
  enabled: boolean;
  /** ENABLED, or PAUSED (suspended: no job runs). */
  status?: string;
  jobs: MacieJob[];
}

export const macieStatus = defineDataset<MacieEvidence>({
  id: 'macie2.status',
  scope: 'regional',
  actions: ['macie2:GetMacieSession', 'macie2:ListClassificationJobs'],
});
