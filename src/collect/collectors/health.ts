import { defineCollector } from '../collector.js';
import type { HealthRiskEventsEvidence, HealthOrganizationEvidence } from '../evidence.js';

export const healthRiskEvents = defineCollector<HealthRiskEventsEvidence>({
  id: 'health.riskEvents',
  scope: 'global',
  actions: ['health:DescribeEvents'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement health.riskEvents');
  },
});

export const healthOrganization = defineCollector<HealthOrganizationEvidence>({
  id: 'health.organization',
  scope: 'organization',
  actions: ['health:DescribeHealthServiceStatusForOrganization', 'organizations:DescribeOrganization', 'organizations:ListAWSServiceAccessForOrganization', 'organizations:ListDelegatedAdministrators'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement health.organization');
  },
});
