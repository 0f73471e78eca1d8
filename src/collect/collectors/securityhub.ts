import { defineCollector } from '../collector.js';
import type { SecurityHubEvidence } from '../evidence.js';

export const securityHub = defineCollector<SecurityHubEvidence>({
  id: 'securityhub.hub',
  scope: 'regional',
  actions: ['securityhub:DescribeHub', 'securityhub:GetAdministratorAccount'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement securityhub.hub');
  },
});
