// Amazon GuardDuty datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface GuardDutyDetector {
  detectorId: string;
  arn: string;
  status: string;
  administrator?: { accountId: string; relationshipStatus: string };
}

export interface GuardDutyEvidence {
  detectors: GuardDutyDetector[];
}

export const guardDutyDetectors = defineDataset<GuardDutyEvidence>({
  id: 'guardduty.detectors',
  scope: 'regional',
  actions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetAdministratorAccount'],
});
