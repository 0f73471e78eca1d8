import { defineCheck } from '../src/contract/check.js';
import { cloudFrontDistributions, type CloudFrontDistribution } from '../src/datasets/cloudfront/datasets.js';
import { accountArn } from './lib/arn.js';
import { cloudFrontAcceptsLegacyTls } from './lib/legacy-tls.js';

function behaviours(d: CloudFrontDistribution) {
  return [d.defaultCacheBehavior, ...d.cacheBehaviors];
}

export default defineCheck({
  id: 'cloudfront-viewer-https-enforced',
  title: 'CloudFront distributions serve viewers over HTTPS only, with TLS 1.2 or later',
  description:
    'For every enabled CloudFront distribution: a cache behaviour whose viewer protocol policy is allow-all serves plain HTTP and fails; ' +
    'a distribution whose security policy still accepts TLS 1.0 or 1.1 (MinimumProtocolVersion SSLv3, TLSv1, TLSv1_2016 or TLSv1.1_2016, ' +
    'or the default *.cloudfront.net certificate, which always allows TLSv1) warns. Otherwise it passes.',
  requirements: { 'ftr-partner-hosted': ['SDAT-003'] },
  severity: 'high',
  scope: 'account',
  uses: { distributions: cloudFrontDistributions },
  remediation:
    'Set every cache behaviour\'s viewer protocol policy to redirect-to-https or https-only, and serve a custom domain with an ACM ' +
    'certificate and the TLSv1.2_2021 (or later) security policy, in the distribution settings or its CloudFormation ViewerCertificate.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
  messages: {
    allowsHttp: 'CloudFront distribution {id} ({domain}) serves plain HTTP: viewer protocol policy allow-all on {paths}.',
    legacyTls: 'CloudFront distribution {id} ({domain}) still accepts TLS 1.0 or 1.1 from viewers ({policy}).',
    httpsOnly: 'CloudFront distribution {id} ({domain}) serves viewers over HTTPS only, minimum {policy}.',
    noDistributions: 'The account has no enabled CloudFront distribution.',
  },
  evaluate: (input) => {
    const enabled = input.data.distributions.distributions.filter((d) => d.enabled);
    if (enabled.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noDistributions', resource: accountArn(input) }];
    return enabled.map((d) => {
      const cert = d.viewerCertificate;
      const policy = cert.cloudFrontDefault ? 'default certificate, TLSv1' : (cert.minimumProtocolVersion ?? 'TLSv1');
      const base = { resource: d.arn, evidence: { viewerCertificate: cert, behaviours: behaviours(d) } };
      const open = behaviours(d).filter((b) => b.viewerProtocolPolicy === 'allow-all').map((b) => b.pathPattern ?? 'the default behaviour');
      const params = { id: d.id, domain: d.aliases[0] ?? d.domainName, policy };
      if (open.length > 0) return { ...base, status: 'FAIL', messageId: 'allowsHttp', params: { ...params, paths: open.join(', ') } };
      if (cloudFrontAcceptsLegacyTls(cert)) return { ...base, status: 'WARN', messageId: 'legacyTls', params };
      return { ...base, status: 'PASS', messageId: 'httpsOnly', params };
    });
  },
});
