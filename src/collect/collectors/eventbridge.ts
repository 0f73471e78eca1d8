import { defineCollector } from '../collector.js';
import type { EventRulesEvidence } from '../evidence.js';

export const eventRules = defineCollector<EventRulesEvidence>({
  id: 'eventbridge.rules',
  scope: 'regional',
  actions: ['events:ListEventBuses', 'events:ListRules', 'events:ListTargetsByRule', 'events:TestEventPattern'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement eventbridge.rules');
  },
});
