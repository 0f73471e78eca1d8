import { defineCheck, type Outcome } from '../src/contract/check.js';
import { s3Buckets, type S3Bucket } from '../src/datasets/s3/datasets.js';
import { accountPublicAccessBlock, blocksEverything, type PublicAccessBlockSettings } from '../src/datasets/s3control/datasets.js';
import { accountArn } from './lib/arn.js';

const MESSAGES = {
  accountBlocksAll: 'The account\'s S3 Block Public Access has all four settings on: no bucket can be made public by a policy or an ACL ({buckets} buckets).',
  public: 'Bucket {bucket} ({region}) is public: {reasons}, and Block Public Access does not stop it.',
  notPublic: 'Bucket {bucket} ({region}) is not public: {why}.',
  noBuckets: 'The account has no S3 buckets (its Block Public Access leaves some settings off: {off}).',
} as const;

type MessageId = keyof typeof MESSAGES;

/** The stricter of the account's and the bucket's settings: S3 applies both. */
function effective(account: PublicAccessBlockSettings, bucket: PublicAccessBlockSettings | undefined): PublicAccessBlockSettings {
  return {
    blockPublicAcls: account.blockPublicAcls || bucket?.blockPublicAcls === true,
    ignorePublicAcls: account.ignorePublicAcls || bucket?.ignorePublicAcls === true,
    blockPublicPolicy: account.blockPublicPolicy || bucket?.blockPublicPolicy === true,
    restrictPublicBuckets: account.restrictPublicBuckets || bucket?.restrictPublicBuckets === true,
  };
}

function judge(bucket: S3Bucket, account: PublicAccessBlockSettings): Outcome<MessageId> {
  const access = bucket.publicAccess ?? {};
  const settings = effective(account, access.block);
  const reasons: string[] = [];
  // RestrictPublicBuckets limits a public policy to AWS services and the owner's account; IgnorePublicAcls voids ACL grants.
  if (access.policyIsPublic && !settings.restrictPublicBuckets) reasons.push('its bucket policy is public');
  const grants = settings.ignorePublicAcls ? [] : (access.publicAclGrants ?? []);
  if (grants.length > 0) reasons.push(`its ACL grants ${grants.join(', ')}`);
  const base = { resource: bucket.arn, evidence: { bucket: { name: bucket.name, region: bucket.region, publicAccess: access }, effectiveBlock: settings } };
  if (reasons.length > 0) return { ...base, status: 'FAIL', messageId: 'public', params: { bucket: bucket.name, region: bucket.region, reasons: reasons.join(' and ') } };
  const why = access.policyIsPublic ? 'its public policy is restricted by Block Public Access' : 'no public policy and no public ACL grant';
  return { ...base, status: 'PASS', messageId: 'notPublic', params: { bucket: bucket.name, region: bucket.region, why } };
}

export default defineCheck({
  id: 's3-buckets-not-public',
  title: 'No S3 bucket is public unless recorded as an exception',
  description:
    'Reads the account-level S3 Block Public Access: with all four settings on nothing can be made public and the account passes. ' +
    'Otherwise each bucket is read in its own region: a bucket whose policy is public (GetBucketPolicyStatus) while RestrictPublicBuckets is ' +
    'off, or whose ACL grants to AllUsers or AuthenticatedUsers while IgnorePublicAcls is off (account or bucket level), fails. A bucket that ' +
    'must be public is recorded as an exception, not hidden by a setting; that bucket access is reviewed is attested.',
  requirements: { 'ftr-partner-hosted': ['S3-001'] },
  severity: 'high',
  scope: 'account',
  uses: { account: accountPublicAccessBlock, buckets: s3Buckets },
  remediation:
    'Turn on all four account-level settings: `aws s3control put-public-access-block --account-id <id> --public-access-block-configuration ' +
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`. Serve public content through CloudFront ' +
    'with origin access control instead of a public bucket, and record any bucket that must stay public as an exception.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { settings } = input.data.account;
    const { buckets } = input.data.buckets;
    const resource = accountArn(input);
    if (blocksEverything(settings)) {
      return [{ status: 'PASS', messageId: 'accountBlocksAll', resource, params: { buckets: buckets.length }, evidence: { accountBlock: input.data.account } }];
    }
    if (buckets.length === 0) {
      const off = Object.entries(settings).filter(([, on]) => !on).map(([name]) => name).join(', ');
      return [{ status: 'PASS', messageId: 'noBuckets', resource, params: { off }, evidence: { accountBlock: input.data.account } }];
    }
    return buckets.map((bucket) => judge(bucket, settings));
  },
});
