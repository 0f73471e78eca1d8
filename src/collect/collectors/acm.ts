import { defineCollector } from '../collector.js';
import type { AcmEvidence } from '../evidence.js';

export const acmCertificates = defineCollector<AcmEvidence>({
  id: 'acm.certificates',
  scope: 'regional',
  actions: ['acm:ListCertificates', 'acm:DescribeCertificate'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement acm.certificates');
  },
});
