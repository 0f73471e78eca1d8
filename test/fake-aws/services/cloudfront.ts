// CloudFront (restXml, global): ListDistributions, paged by Marker / MaxItems, with each
// distribution's certificate, cache behaviours and origins.

import { optionalNumber, paginate } from '../params.js';
import { restXml } from '../protocols/rest-xml.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface DistributionSpec {
  id: string;
  aliases?: string[];
  enabled?: boolean;
  status?: 'Deployed' | 'InProgress';
  lastModified?: When;
  webAclId?: string;
  /** Absent (and no iamCertificateId): the default *.cloudfront.net certificate. */
  acmCertificateArn?: string;
  /** ServerCertificateId of an IAM server certificate. */
  iamCertificateId?: string;
  /** Default redirect-to-https. */
  viewerProtocolPolicy?: 'allow-all' | 'https-only' | 'redirect-to-https';
  /** Further cache behaviours by path pattern. */
  behaviors?: { pathPattern: string; viewerProtocolPolicy: 'allow-all' | 'https-only' | 'redirect-to-https' }[];
  /** Default: one custom origin `origin.example.com` reached over HTTPS. */
  origins?: { id: string; domainName: string; s3?: boolean }[];
  /** Default TLSv1 with the default certificate, TLSv1.2_2021 with an ACM one. */
  minimumProtocolVersion?: string;
}

declare module '../scenario.js' {
  interface AccountSpec {
    cloudFront?: { distributions?: DistributionSpec[] };
  }
}

function viewerCertificate(d: DistributionSpec): unknown {
  if (d.iamCertificateId) {
    return {
      CloudFrontDefaultCertificate: false,
      IAMCertificateId: d.iamCertificateId,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: d.minimumProtocolVersion ?? 'TLSv1.2_2021',
      CertificateSource: 'iam',
    };
  }
  if (!d.acmCertificateArn) {
    return { CloudFrontDefaultCertificate: true, MinimumProtocolVersion: d.minimumProtocolVersion ?? 'TLSv1', CertificateSource: 'cloudfront' };
  }
  return {
    CloudFrontDefaultCertificate: false,
    ACMCertificateArn: d.acmCertificateArn,
    SSLSupportMethod: 'sni-only',
    MinimumProtocolVersion: d.minimumProtocolVersion ?? 'TLSv1.2_2021',
    CertificateSource: 'acm',
  };
}

function origin(spec: { id: string; domainName: string; s3?: boolean }): unknown {
  return {
    Id: spec.id,
    DomainName: spec.domainName,
    OriginPath: '',
    S3OriginConfig: spec.s3 ? { OriginAccessIdentity: '' } : undefined,
    CustomOriginConfig: spec.s3
      ? undefined
      : { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only', OriginSslProtocols: { Quantity: 1, Items: { SslProtocol: ['TLSv1.2'] } } },
    OriginAccessControlId: spec.s3 ? 'E2OACEXAMPLE' : '',
  };
}

function summary(ctx: HandlerContext, d: DistributionSpec): unknown {
  const aliases = d.aliases ?? [];
  const origins = d.origins ?? [{ id: 'app', domainName: 'origin.example.com' }];
  const behaviors = d.behaviors ?? [];
  return {
    Id: d.id,
    ARN: `arn:aws:cloudfront::${ctx.account.id}:distribution/${d.id}`,
    Status: d.status ?? 'Deployed',
    LastModifiedTime: resolveWhen(d.lastModified ?? '-30d', ctx.now),
    DomainName: `${d.id.toLowerCase()}.cloudfront.net`,
    Aliases: { Quantity: aliases.length, Items: aliases.length > 0 ? { CNAME: aliases } : undefined },
    Origins: { Quantity: origins.length, Items: { Origin: origins.map(origin) } },
    DefaultCacheBehavior: { TargetOriginId: origins[0]!.id, ViewerProtocolPolicy: d.viewerProtocolPolicy ?? 'redirect-to-https' },
    CacheBehaviors: {
      Quantity: behaviors.length,
      Items: behaviors.length > 0 ? { CacheBehavior: behaviors.map((b) => ({ PathPattern: b.pathPattern, TargetOriginId: origins[0]!.id, ViewerProtocolPolicy: b.viewerProtocolPolicy })) } : undefined,
    },
    Enabled: d.enabled ?? true,
    ViewerCertificate: viewerCertificate(d),
    WebACLId: d.webAclId ?? '',
    HttpVersion: 'http2',
    IsIPV6Enabled: true,
    Staging: false,
  };
}

function listDistributions(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const maxItems = optionalNumber(form.get('MaxItems')) ?? 100;
  const page = paginate(ctx.account.cloudFront?.distributions ?? [], form.get('Marker'), maxItems, 'InvalidArgument');
  return {
    DistributionList: {
      Marker: form.get('Marker') ?? '',
      NextMarker: page.nextToken,
      MaxItems: maxItems,
      IsTruncated: page.nextToken !== undefined,
      Quantity: page.items.length,
      Items: page.items.length > 0 ? { DistributionSummary: page.items.map((d) => summary(ctx, d)) } : undefined,
    },
  };
}

export const cloudFront = defineService({
  signingName: 'cloudfront',
  actionPrefix: 'cloudfront',
  protocol: restXml({ xmlns: 'http://cloudfront.amazonaws.com/doc/2020-05-31/' }),
  global: true,
  operations: {
    ListDistributions: { http: 'GET /2020-05-31/distribution', handler: listDistributions },
  },
});
