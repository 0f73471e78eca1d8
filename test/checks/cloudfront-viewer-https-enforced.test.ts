import check from '../../checks/cloudfront-viewer-https-enforced.js';
import type { CloudFrontDistribution } from '../../src/datasets/cloudfront/datasets.js';
import { distribution, distributions } from '../helpers/fixtures/network.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

function custom(id: string, minimumProtocolVersion: string, extra: Partial<CloudFrontDistribution> = {}): CloudFrontDistribution {
  const d = distribution(id);
  return { ...d, aliases: [`${id.toLowerCase()}.example.com`], viewerCertificate: { cloudFrontDefault: false, acmCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', minimumProtocolVersion }, ...extra };
}

const arn = (id: string) => `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`;

runCheckCases(check, [
  {
    name: 'HTTPS only with TLSv1.2_2021 passes',
    input: accountInput({ data: { distributions: distributions(custom('E1', 'TLSv1.2_2021')) } }),
    expected: [{ status: 'PASS', messageId: 'httpsOnly', resource: arn('E1'), params: { policy: 'TLSv1.2_2021', domain: 'e1.example.com' } }],
  },
  {
    name: 'an allow-all behaviour fails naming its path; TLSv1.1_2016 and the default certificate warn; a disabled one is not judged',
    input: accountInput({
      data: {
        distributions: distributions(
          custom('E2', 'TLSv1.2_2021', { cacheBehaviors: [{ pathPattern: '/img/*', targetOriginId: 'app', viewerProtocolPolicy: 'allow-all' }] }),
          custom('E3', 'TLSv1.1_2016'),
          distribution('E4'),
          { ...custom('E5', 'TLSv1'), enabled: false },
        ),
      },
    }),
    expected: [
      { status: 'FAIL', messageId: 'allowsHttp', resource: arn('E2'), params: { paths: '/img/*' } },
      { status: 'WARN', messageId: 'legacyTls', resource: arn('E3'), params: { policy: 'TLSv1.1_2016' } },
      { status: 'WARN', messageId: 'legacyTls', resource: arn('E4'), params: { policy: 'default certificate, TLSv1' } },
    ],
  },
  {
    name: 'no enabled distribution: nothing to judge',
    input: accountInput({ data: { distributions: distributions() } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noDistributions', resource: `arn:aws:iam::${ACCOUNT}:root` }],
  },
]);
