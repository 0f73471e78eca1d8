// restXml through the real CloudFront client: ListDistributions (global, paged by Marker), the
// <ErrorResponse> envelope with the x-amzn-requestid header, Throttling retries.

import { CloudFrontClient, ListDistributionsCommand, paginateListDistributions } from '@aws-sdk/client-cloudfront';
import { describe, expect, it } from 'vitest';
import { PROD, wireScenario } from '../wire/fixtures.js';
import { assumeInto, sdkConfig, useFakeAws } from '../wire/harness.js';

const CERT = 'arn:aws:acm:us-east-1:111111111111:certificate/abc';

const fake = useFakeAws(() => {
  const scenario = wireScenario();
  scenario.accounts[0]!.cloudFront = {
    distributions: [
      { id: 'E1SITE', aliases: ['www.example.com', 'example.com'], acmCertificateArn: CERT, webAclId: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/w/1' },
      { id: 'E2LEGACY', enabled: false, lastModified: '2024-01-02T03:04:05Z' },
      { id: 'E3IAM', iamCertificateId: 'ASCALEGACY', viewerProtocolPolicy: 'allow-all', behaviors: [{ pathPattern: '/api/*', viewerProtocolPolicy: 'https-only' }], origins: [{ id: 'site', domainName: 'site.s3.amazonaws.com', s3: true }] },
    ],
  };
  scenario.faults = {
    throttle: [{ action: 'cloudfront:ListDistributions', count: 2, region: 'eu-west-1' }],
    deny: [{ action: 'cloudfront:ListDistributions', accountId: PROD }],
  };
  return scenario;
});

describe('CloudFront (restXml)', () => {
  it('lists distributions with their aliases, certificate and web ACL', async () => {
    const out = await new CloudFrontClient(sdkConfig('us-east-1')).send(new ListDistributionsCommand({}));
    const [site, legacy, iam] = out.DistributionList!.Items!;
    expect(site).toMatchObject({
      Id: 'E1SITE',
      DomainName: 'e1site.cloudfront.net',
      Aliases: { Quantity: 2, Items: ['www.example.com', 'example.com'] },
      ViewerCertificate: { ACMCertificateArn: CERT, MinimumProtocolVersion: 'TLSv1.2_2021', CloudFrontDefaultCertificate: false },
      Enabled: true,
    });
    expect(legacy).toMatchObject({ Enabled: false, Aliases: { Quantity: 0 }, ViewerCertificate: { CloudFrontDefaultCertificate: true } });
    expect(legacy!.LastModifiedTime).toEqual(new Date('2024-01-02T03:04:05Z'));
    expect(iam).toMatchObject({
      ViewerCertificate: { IAMCertificateId: 'ASCALEGACY', CertificateSource: 'iam', CloudFrontDefaultCertificate: false },
      DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'allow-all' },
      CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' }] },
      Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'site.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
    });
    expect(site!.Origins!.Items![0]!.CustomOriginConfig).toMatchObject({ HTTPSPort: 443, OriginProtocolPolicy: 'https-only', OriginSslProtocols: { Items: ['TLSv1.2'] } });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pages by Marker', async () => {
    const client = new CloudFrontClient(sdkConfig('us-east-1'));
    const pages = [];
    for await (const page of paginateListDistributions({ client }, { MaxItems: 1 })) pages.push(page);
    expect(pages.map((p) => p.DistributionList!.Items!.map((d) => d.Id))).toEqual([['E1SITE'], ['E2LEGACY'], ['E3IAM']]);
  });

  it('retries Throttling (400) to success', async () => {
    const out = await new CloudFrontClient(sdkConfig('eu-west-1')).send(new ListDistributionsCommand({}));
    expect(out.$metadata.attempts).toBe(3);
    expect(fake().stats().errors.Throttling).toBe(2);
  });

  it('answers AccessDenied (403) in the <ErrorResponse> envelope', async () => {
    const client = new CloudFrontClient(sdkConfig('us-east-1', await assumeInto(PROD)));
    await expect(client.send(new ListDistributionsCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('cloudfront:ListDistributions'),
      $metadata: { httpStatusCode: 403, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
  });
});
