import { AccessDeniedException, ACMClient, DescribeCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { acmCertificates } from '../../src/datasets/acm/datasets.js';
import { ACCOUNT_ID, collect, REGION, testContext } from './context.js';

const acm = mockClient(ACMClient);
const certArn = (id: string) => `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/${id}`;

describe('acm.certificates', () => {
  beforeEach(() => acm.reset());

  it('lists certificates of every key type and key-pair origin, not only RSA and not only ACM-held keys', async () => {
    acm.on(ListCertificatesCommand).resolves({ CertificateSummaryList: [] });

    await collect(acmCertificates, testContext());

    expect(acm.commandCalls(ListCertificatesCommand)[0]!.args[0].input.CertificateKeyPairOrigins).toEqual(['ACME', 'AWS_MANAGED', 'CUSTOMER_PROVIDED']);
    expect(acm.commandCalls(ListCertificatesCommand)[0]!.args[0].input.Includes?.keyTypes).toEqual([
      'EC_prime256v1',
      'EC_secp384r1',
      'EC_secp521r1',
      'RSA_1024',
      'RSA_2048',
      'RSA_3072',
      'RSA_4096',
    ]);
  });

  it('describes each certificate across pages and maps the fields checks read', async () => {
    acm
      .on(ListCertificatesCommand)
      .resolvesOnce({ CertificateSummaryList: [{ CertificateArn: certArn('a'), DomainName: 'app.example.com' }], NextToken: 'n' })
      .resolvesOnce({ CertificateSummaryList: [{ CertificateArn: certArn('b'), DomainName: 'cdn.example.com' }] });
    acm.on(DescribeCertificateCommand, { CertificateArn: certArn('a') }).resolves({
      Certificate: {
        CertificateArn: certArn('a'),
        DomainName: 'app.example.com',
        Type: 'AMAZON_ISSUED',
        Status: 'ISSUED',
        KeyAlgorithm: 'EC_prime256v1',
        CertificateKeyPairOrigin: 'AWS_MANAGED',
        NotAfter: new Date('2027-01-15T23:59:59Z'),
        InUseBy: [`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/web/1`],
        RenewalEligibility: 'ELIGIBLE',
        RenewalSummary: { RenewalStatus: 'PENDING_AUTO_RENEWAL', DomainValidationOptions: [], UpdatedAt: new Date() },
        DomainValidationOptions: [{ DomainName: 'app.example.com', ValidationMethod: 'DNS', ValidationStatus: 'SUCCESS' }],
        Options: { Export: 'ENABLED', CertificateTransparencyLoggingPreference: 'ENABLED' },
      },
    });
    acm.on(DescribeCertificateCommand, { CertificateArn: certArn('b') }).resolves({
      Certificate: {
        CertificateArn: certArn('b'),
        DomainName: 'cdn.example.com',
        Type: 'AMAZON_ISSUED',
        Status: 'PENDING_VALIDATION',
        KeyAlgorithm: 'RSA_2048',
        InUseBy: [],
        RenewalEligibility: 'INELIGIBLE',
        ManagedBy: 'CLOUDFRONT',
        DomainValidationOptions: [{ DomainName: 'cdn.example.com', ValidationMethod: 'HTTP', ValidationStatus: 'PENDING_VALIDATION' }],
        Options: { Export: 'DISABLED' },
      },
    });

    const evidence = await collect(acmCertificates, testContext());

    expect(evidence.certificates).toEqual([
      {
        arn: certArn('a'),
        domainName: 'app.example.com',
        type: 'AMAZON_ISSUED',
        status: 'ISSUED',
        keyAlgorithm: 'EC_prime256v1',
        keyPairOrigin: 'AWS_MANAGED',
        notAfter: '2027-01-15T23:59:59.000Z',
        inUseBy: [`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/web/1`],
        renewalEligibility: 'ELIGIBLE',
        renewalStatus: 'PENDING_AUTO_RENEWAL',
        domainValidation: [{ domain: 'app.example.com', method: 'DNS', status: 'SUCCESS' }],
        exported: true,
      },
      {
        arn: certArn('b'),
        domainName: 'cdn.example.com',
        type: 'AMAZON_ISSUED',
        status: 'PENDING_VALIDATION',
        keyAlgorithm: 'RSA_2048',
        inUseBy: [],
        renewalEligibility: 'INELIGIBLE',
        domainValidation: [{ domain: 'cdn.example.com', method: 'HTTP', status: 'PENDING_VALIDATION' }],
        exported: false,
        managedBy: 'CLOUDFRONT',
      },
    ]);
    expect(acm.commandCalls(DescribeCertificateCommand)).toHaveLength(2);
  });

  it('lets AccessDenied propagate', async () => {
    acm.on(ListCertificatesCommand).resolves({ CertificateSummaryList: [{ CertificateArn: certArn('a') }] });
    acm.on(DescribeCertificateCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(acmCertificates, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
