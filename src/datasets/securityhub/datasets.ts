// AWS Security Hub datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface SecurityHubEvidence {
  enabled: boolean;
  hubArn?: string;
  administrator?: { accountId: string; memberStatus: string };
}

export const securityHub = defineDataset<SecurityHubEvidence>({
  id: 'securityhub.hub',
  scope: 'regional',
  actions: ['securityhub:DescribeHub', 'securityhub:GetAdministratorAccount'],
});
