// AWS Certificate Manager datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface AcmDomainValidation {
  domain: string;
  method?: 'DNS' | 'EMAIL' | 'HTTP';
  status?: string;
}

export interface AcmCertificate {
  arn: string;
  domainName: string;
  type: string;
  status: string;
  keyAlgorithm?: string;
  /** AWS_MANAGED, CUSTOMER_PROVIDED (imported) or ACME (the key stays with the ACME client, which renews the certificate). */
  keyPairOrigin?: string;
  notAfter?: string;
  inUseBy: string[];
  renewalEligibility?: string;
  renewalStatus?: string;
  domainValidation: AcmDomainValidation[];
  /** Public certificate issued with export enabled. */
  exported: boolean;
  /** HTTP validation whose redirect CloudFront manages. */
  managedBy?: string;
}

export interface AcmEvidence {
  certificates: AcmCertificate[];
}

export const acmCertificates = defineDataset<AcmEvidence>({
  id: 'acm.certificates',
  scope: 'regional',
  actions: ['acm:ListCertificates', 'acm:DescribeCertificate'],
});
