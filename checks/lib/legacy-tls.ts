// Which TLS settings still accept TLS 1.0 or 1.1 from clients, on load balancers and CloudFront.

/**
 * Elastic Load Balancing security policies that accept TLS 1.0 or TLS 1.1, as listed in
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html and
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html.
 * The TLS13-1-0, TLS13-1-1, TLS-1-0, TLS-1-1 and FS-1-1 families name their lowest version; the
 * older policies below (the CLI and CloudFormation default ELBSecurityPolicy-2016-08 among them)
 * accept TLS 1.0.
 */
const LEGACY_ELB_POLICIES = new Set(['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-2015-05', 'ELBSecurityPolicy-FS-2018-06']);
const LEGACY_ELB_FAMILY = /^ELBSecurityPolicy-(TLS13-1-[01]|TLS-1-[01]|FS-1-1)-/;

export function elbPolicyAcceptsLegacyTls(policy: string | undefined): boolean {
  return policy !== undefined && (LEGACY_ELB_POLICIES.has(policy) || LEGACY_ELB_FAMILY.test(policy));
}

/**
 * CloudFront security policies that accept TLS 1.0 or 1.1 from viewers. With the default
 * *.cloudfront.net certificate CloudFront uses TLSv1 whatever the distribution says.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 */
const LEGACY_CLOUDFRONT_VERSIONS = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);

export function cloudFrontAcceptsLegacyTls(certificate: { cloudFrontDefault: boolean; minimumProtocolVersion?: string }): boolean {
  return certificate.cloudFrontDefault || LEGACY_CLOUDFRONT_VERSIONS.has(certificate.minimumProtocolVersion ?? 'TLSv1');
}
