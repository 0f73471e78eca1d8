// Amazon CloudFront datasets: the evidence shapes checks read and the declarations. The collectors
// that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface CloudFrontViewerCertificate {
  /** The *.cloudfront.net certificate. */
  cloudFrontDefault: boolean;
  acmCertificateArn?: string;
  /** ServerCertificateId of an IAM server certificate (not its ARN). */
  iamCertificateId?: string;
  /** acm, iam or cloudfront. */
  source?: string;
  sslSupportMethod?: string;
  minimumProtocolVersion?: string;
}

export interface CloudFrontCacheBehavior {
  /** Absent for the default behaviour. */
  pathPattern?: string;
  targetOriginId: string;
  /** allow-all, https-only or redirect-to-https. */
  viewerProtocolPolicy: string;
}

export interface CloudFrontOrigin {
  id: string;
  domainName: string;
  originPath?: string;
  s3OriginAccessIdentity?: string;
  originAccessControlId?: string;
  vpcOriginId?: string;
  custom?: { httpPort: number; httpsPort: number; originProtocolPolicy: string; originSslProtocols: string[] };
}

export interface CloudFrontDistribution {
  id: string;
  arn: string;
  domainName: string;
  enabled: boolean;
  status?: string;
  aliases: string[];
  /** A WAFv2 web ACL ARN or a WAF Classic ID; absent when none. */
  webAclId?: string;
  viewerCertificate: CloudFrontViewerCertificate;
  defaultCacheBehavior: CloudFrontCacheBehavior;
  cacheBehaviors: CloudFrontCacheBehavior[];
  origins: CloudFrontOrigin[];
}

export interface CloudFrontDistributionsEvidence {
  distributions: CloudFrontDistribution[];
}

export const cloudFrontDistributions = defineDataset<CloudFrontDistributionsEvidence>({
  id: 'cloudfront.distributions',
  scope: 'global',
  // CloudFront is global; its API is signed in us-east-1 in the aws partition.
  homeRegion: 'us-east-1',
  actions: ['cloudfront:ListDistributions'],
});
