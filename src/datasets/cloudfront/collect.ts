import type * as SdkCloudfront from '@aws-sdk/client-cloudfront';
import type {
  CacheBehavior,
  DefaultCacheBehavior,
  DistributionSummary,
  Origin,
  ViewerCertificate,
} from '@aws-sdk/client-cloudfront';
import { defineCollector } from '../../contract/collector.js';
import { cloudFrontDistributions } from './datasets.js';
import type {
  CloudFrontCacheBehavior,
  CloudFrontDistribution,
  CloudFrontOrigin,
  CloudFrontViewerCertificate,
} from './datasets.js';
import { collectPages, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { CloudFrontClient, paginateListDistributions } = sdkModule<typeof SdkCloudfront>('@aws-sdk/client-cloudfront');

function toViewerCertificate(cert: ViewerCertificate): CloudFrontViewerCertificate {
  return {
    cloudFrontDefault: cert.CloudFrontDefaultCertificate === true,
    acmCertificateArn: cert.ACMCertificateArn,
    iamCertificateId: cert.IAMCertificateId,
    source: cert.CertificateSource,
    sslSupportMethod: cert.SSLSupportMethod,
    minimumProtocolVersion: cert.MinimumProtocolVersion,
  };
}

function toBehavior(behavior: DefaultCacheBehavior | CacheBehavior): CloudFrontCacheBehavior {
  return {
    pathPattern: 'PathPattern' in behavior ? behavior.PathPattern : undefined,
    targetOriginId: required(behavior.TargetOriginId, 'TargetOriginId'),
    viewerProtocolPolicy: required(behavior.ViewerProtocolPolicy, 'ViewerProtocolPolicy'),
  };
}

function toOrigin(origin: Origin): CloudFrontOrigin {
  const custom = origin.CustomOriginConfig;
  return {
    id: required(origin.Id, 'Origin.Id'),
    domainName: required(origin.DomainName, 'Origin.DomainName'),
    originPath: origin.OriginPath || undefined,
    s3OriginAccessIdentity: origin.S3OriginConfig?.OriginAccessIdentity || undefined,
    originAccessControlId: origin.OriginAccessControlId || undefined,
    vpcOriginId: origin.VpcOriginConfig?.VpcOriginId,
    custom: custom && {
      httpPort: required(custom.HTTPPort, 'HTTPPort'),
      httpsPort: required(custom.HTTPSPort, 'HTTPSPort'),
      originProtocolPolicy: required(custom.OriginProtocolPolicy, 'OriginProtocolPolicy'),
      originSslProtocols: custom.OriginSslProtocols?.Items ?? [],
    },
  };
}

function toDistribution(d: DistributionSummary): CloudFrontDistribution {
  return {
    id: required(d.Id, 'Distribution.Id'),
    arn: required(d.ARN, 'Distribution.ARN'),
    domainName: required(d.DomainName, 'Distribution.DomainName'),
    enabled: required(d.Enabled, 'Distribution.Enabled'),
    status: d.Status,
    aliases: d.Aliases?.Items ?? [],
    // An empty string means no web ACL.
    webAclId: d.WebACLId || undefined,
    viewerCertificate: toViewerCertificate(required(d.ViewerCertificate, 'ViewerCertificate')),
    defaultCacheBehavior: toBehavior(required(d.DefaultCacheBehavior, 'DefaultCacheBehavior')),
    cacheBehaviors: (d.CacheBehaviors?.Items ?? []).map(toBehavior),
    origins: (d.Origins?.Items ?? []).map(toOrigin),
  };
}

const collectDistributions = defineCollector(cloudFrontDistributions, async (ctx) => {
  const client = ctx.clients.get(CloudFrontClient);
  const summaries = await collectPages(paginateListDistributions({ client }, {}), (page) => page.DistributionList?.Items);
  return { distributions: summaries.map(toDistribution) };
});

export const COLLECTORS = [collectDistributions];
