import { defineCheck } from '../src/contract/check.js';
import { s3Buckets } from '../src/datasets/s3/datasets.js';
import { accountArn } from './lib/arn.js';
import { deniesInsecureTransport } from './lib/secure-transport.js';

export default defineCheck({
  id: 's3-buckets-deny-insecure-transport',
  title: 'S3 buckets refuse requests that do not use TLS',
  description:
    'Reads each bucket\'s policy: a bucket whose policy denies every principal S3 access when aws:SecureTransport is false passes; ' +
    'any other bucket warns, since S3 then also answers plain HTTP. Whether the bucket holds sensitive data that leaves the VPC is attested.',
  requirements: { 'ftr-partner-hosted': ['SDAT-003'] },
  severity: 'medium',
  scope: 'account',
  uses: { buckets: s3Buckets },
  remediation:
    'Add to the bucket policy: {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],' +
    '"Condition":{"Bool":{"aws:SecureTransport":"false"}}}.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  messages: {
    denied: 'Bucket {bucket} ({region}) refuses requests that do not use TLS.',
    allowed: 'Bucket {bucket} ({region}) has no policy statement denying requests without TLS (aws:SecureTransport false), so it also answers plain HTTP.',
    noBuckets: 'The account has no S3 buckets.',
  },
  evaluate: (input) => {
    const { buckets } = input.data.buckets;
    if (buckets.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noBuckets', resource: accountArn(input) }];
    return buckets.map((bucket) => {
      const denied = deniesInsecureTransport(bucket.policy);
      return {
        status: denied ? 'PASS' : 'WARN',
        messageId: denied ? 'denied' : 'allowed',
        resource: bucket.arn,
        params: { bucket: bucket.name, region: bucket.region },
        evidence: { bucket: bucket.name, region: bucket.region, policy: bucket.policy ?? null },
      };
    });
  },
});
