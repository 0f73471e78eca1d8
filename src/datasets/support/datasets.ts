// AWS Support datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface SupportPlanEvidence {
  /** false when Support answered SubscriptionRequiredException (Basic or Developer plan). */
  subscribed: boolean;
  /** Severity codes the plan offers (e.g. low, normal, high, urgent, critical). */
  severityCodes: string[];
}

export const supportPlan = defineDataset<SupportPlanEvidence>({
  id: 'support.plan',
  scope: 'global',
  // The Support API is served from us-east-1 only.
  homeRegion: 'us-east-1',
  actions: ['support:DescribeSeverityLevels'],
});
