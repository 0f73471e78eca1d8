// AWS Systems Manager Incident Manager datasets: the response plans an alarm or rule can open an
// incident with. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ResponsePlansEvidence {
  /** False where Incident Manager has no endpoint. */
  available: boolean;
  /** ARNs have no region: `arn:aws:ssm-incidents::<account>:response-plan/<name>`. */
  responsePlans: { arn: string; name: string }[];
}

export const responsePlans = defineDataset<ResponsePlansEvidence>({
  id: 'ssm-incidents.responsePlans',
  scope: 'regional',
  actions: ['ssm-incidents:ListResponsePlans'],
});
