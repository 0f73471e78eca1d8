import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudFrontDistributions } from '../../src/datasets/cloudfront/datasets.js';
import { ACCOUNT_ID, awsError, collect, testContext } from './context.js';

const cloudFront = mockClient(CloudFrontClient);
const arn = (id: string) => `arn:aws:cloudfront::${ACCOUNT_ID}:distribution/${id}`;

function summary(id: string, extra: Record<string, unknown> = {}) {
  return {
    Id: id,
    ARN: arn(id),
    Status: 'Deployed',
    LastModifiedTime: new Date('2026-01-01T00:00:00Z'),
    DomainName: `${id.toLowerCase()}.cloudfront.net`,
    Aliases: { Quantity: 0 },
    Origins: { Quantity: 1, Items: [{ Id: 'app', DomainName: 'origin.example.com', OriginPath: '', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' as const, OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2' as const] } } }] },
    DefaultCacheBehavior: { TargetOriginId: 'app', ViewerProtocolPolicy: 'redirect-to-https' as const },
    CacheBehaviors: { Quantity: 0 },
    CustomErrorResponses: { Quantity: 0 },
    Comment: '',
    PriceClass: 'PriceClass_All' as const,
    Enabled: true,
    ViewerCertificate: { CloudFrontDefaultCertificate: true },
    Restrictions: { GeoRestriction: { RestrictionType: 'none' as const, Quantity: 0 } },
    WebACLId: '',
    HttpVersion: 'http2' as const,
    IsIPV6Enabled: true,
    Staging: false,
    ...extra,
  };
}

describe('cloudfront.distributions', () => {
  beforeEach(() => cloudFront.reset());

  it('lists distributions across pages with certificate, web ACL, behaviours and origins', async () => {
    cloudFront
      .on(ListDistributionsCommand)
      .resolvesOnce({
        DistributionList: {
          Marker: '',
          NextMarker: 'E2',
          MaxItems: 1,
          IsTruncated: true,
          Quantity: 1,
          Items: [
            summary('E1', {
              Aliases: { Quantity: 1, Items: ['www.example.com'] },
              ViewerCertificate: { CloudFrontDefaultCertificate: false, IAMCertificateId: 'ASCALEGACY', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021', CertificateSource: 'iam' },
              WebACLId: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1',
              CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', TargetOriginId: 'app', ViewerProtocolPolicy: 'allow-all' }] },
            }),
          ],
        },
      })
      .resolvesOnce({ DistributionList: { Marker: 'E2', MaxItems: 1, IsTruncated: false, Quantity: 1, Items: [summary('E2')] } });

    const evidence = await collect(cloudFrontDistributions, testContext('us-east-1'));

    expect(evidence.distributions[0]).toEqual({
      id: 'E1',
      arn: arn('E1'),
      domainName: 'e1.cloudfront.net',
      enabled: true,
      status: 'Deployed',
      aliases: ['www.example.com'],
      webAclId: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1',
      viewerCertificate: { cloudFrontDefault: false, iamCertificateId: 'ASCALEGACY', source: 'iam', sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
      defaultCacheBehavior: { targetOriginId: 'app', viewerProtocolPolicy: 'redirect-to-https' },
      cacheBehaviors: [{ pathPattern: '/api/*', targetOriginId: 'app', viewerProtocolPolicy: 'allow-all' }],
      origins: [{ id: 'app', domainName: 'origin.example.com', custom: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] } }],
    });
    expect(evidence.distributions[1]).toMatchObject({ id: 'E2', aliases: [], viewerCertificate: { cloudFrontDefault: true } });
    expect(evidence.distributions[1]!.webAclId).toBeUndefined();
    expect(cloudFront.commandCalls(ListDistributionsCommand)[1]!.args[0].input.Marker).toBe('E2');
  });

  it('lets AccessDenied propagate', async () => {
    cloudFront.on(ListDistributionsCommand).rejects(awsError('AccessDenied'));
    await expect(collect(cloudFrontDistributions, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
