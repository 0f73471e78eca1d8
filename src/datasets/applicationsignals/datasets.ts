// CloudWatch Application Signals datasets: the service-level objectives of a region. The collectors
// that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ServiceLevelObjectivesEvidence {
  /** False where Application Signals has no endpoint. */
  available: boolean;
  slos: { arn: string; name: string }[];
}

export const serviceLevelObjectives = defineDataset<ServiceLevelObjectivesEvidence>({
  id: 'applicationsignals.slos',
  scope: 'regional',
  actions: ['application-signals:ListServiceLevelObjectives'],
});
