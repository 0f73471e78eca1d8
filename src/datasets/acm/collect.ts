import type * as SdkAcm from '@aws-sdk/client-acm';
import type { CertificateDetail } from '@aws-sdk/client-acm';
import { defineCollector } from '../../contract/collector.js';
import { acmCertificates } from './datasets.js';
import type { AcmCertificate } from './datasets.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  ACMClient,
  CertificateKeyPairOrigin,
  DescribeCertificateCommand,
  KeyAlgorithm,
  paginateListCertificates,
} = sdkModule<typeof SdkAcm>('@aws-sdk/client-acm');

/** Every key type the SDK knows: without `Includes.keyTypes`, ListCertificates returns RSA_1024/RSA_2048 only. */
const ALL_KEY_TYPES = Object.values(KeyAlgorithm);
/** Every key-pair origin the SDK knows: without `CertificateKeyPairOrigins`, ListCertificates leaves ACME certificates out. */
const ALL_KEY_PAIR_ORIGINS = Object.values(CertificateKeyPairOrigin);

function toCertificate(detail: CertificateDetail): AcmCertificate {
  return {
    arn: required(detail.CertificateArn, 'CertificateArn'),
    domainName: required(detail.DomainName, 'DomainName'),
    type: required(detail.Type, 'Type'),
    status: required(detail.Status, 'Status'),
    keyAlgorithm: detail.KeyAlgorithm,
    keyPairOrigin: detail.CertificateKeyPairOrigin,
    notAfter: isoDate(detail.NotAfter),
    inUseBy: detail.InUseBy ?? [],
    renewalEligibility: detail.RenewalEligibility,
    renewalStatus: detail.RenewalSummary?.RenewalStatus,
    domainValidation: (detail.DomainValidationOptions ?? []).map((option) => ({
      domain: required(option.DomainName, 'DomainValidation.DomainName'),
      method: option.ValidationMethod,
      status: option.ValidationStatus,
    })),
    exported: detail.Options?.Export === 'ENABLED',
    managedBy: detail.ManagedBy,
  };
}

const collectAcmCertificates = defineCollector(acmCertificates, async (ctx) => {
  const acm = ctx.clients.get(ACMClient);
  const filters = { Includes: { keyTypes: [...ALL_KEY_TYPES] }, CertificateKeyPairOrigins: [...ALL_KEY_PAIR_ORIGINS] };
  const pages = paginateListCertificates({ client: acm }, filters);
  const summaries = await collectPages(pages, (page) => page.CertificateSummaryList);
  const details = await Promise.all(
    summaries.map(async (summary) => {
      const arn = required(summary.CertificateArn, 'CertificateArn');
      const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn: arn }));
      return toCertificate(required(Certificate, `DescribeCertificate.Certificate for ${arn}`));
    }),
  );
  return { certificates: details };
});

export const COLLECTORS = [collectAcmCertificates];
