import { defineCollector } from '../collector.js';
import type { ConfigRecordersEvidence, ConfigRulesEvidence } from '../evidence.js';

export const configRecorders = defineCollector<ConfigRecordersEvidence>({
  id: 'config.recorders',
  scope: 'regional',
  actions: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus', 'config:DescribeDeliveryChannels'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement config.recorders');
  },
});

export const configRules = defineCollector<ConfigRulesEvidence>({
  id: 'config.rules',
  scope: 'regional',
  actions: ['config:DescribeConfigRules', 'config:DescribeConformancePacks', 'config:DescribeConformancePackStatus'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement config.rules');
  },
});
