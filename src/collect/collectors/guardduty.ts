import { defineCollector } from '../collector.js';
import type { GuardDutyEvidence } from '../evidence.js';

export const guardDutyDetectors = defineCollector<GuardDutyEvidence>({
  id: 'guardduty.detectors',
  scope: 'regional',
  actions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetAdministratorAccount'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement guardduty.detectors');
  },
});
