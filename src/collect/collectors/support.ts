import { defineCollector } from '../collector.js';
import type { SupportPlanEvidence } from '../evidence.js';

export const supportPlan = defineCollector<SupportPlanEvidence>({
  id: 'support.plan',
  scope: 'global',
  actions: ['support:DescribeSeverityLevels'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement support.plan');
  },
});
