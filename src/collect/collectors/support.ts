import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { defineCollector } from '../collector.js';
import type { SupportPlanEvidence } from '../evidence.js';
import { isErrorNamed } from './sdk.js';

export const supportPlan = defineCollector<SupportPlanEvidence>({
  id: 'support.plan',
  scope: 'global',
  // The Support API is served from us-east-1 only.
  homeRegion: 'us-east-1',
  actions: ['support:DescribeSeverityLevels'],
  collect: async (ctx) => {
    const support = ctx.clients.get(SupportClient);
    try {
      const { severityLevels } = await support.send(new DescribeSeverityLevelsCommand({}));
      return { subscribed: true, severityCodes: (severityLevels ?? []).flatMap((level) => (level.code ? [level.code] : [])) };
    } catch (err) {
      // Basic and Developer plans get this answer instead of data: it tells us the plan.
      if (isErrorNamed(err, 'SubscriptionRequiredException')) return { subscribed: false, severityCodes: [] };
      throw err;
    }
  },
});
