import type * as SdkS3 from '@aws-sdk/client-s3';
import type { Bucket } from '@aws-sdk/client-s3';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { normalizePolicyDocument } from '../policy-document.js';
import { accountPublicAccessBlock, blocksEverything, publicAccessBlockSettings, type PublicAccessBlockSettings } from '../s3control/datasets.js';
import { collectPages, isErrorNamed, required } from '../sdk.js';
import { partitionOf } from '../eventbridge/samples/identity.js';
import { s3Buckets, type BucketPublicAccess, type S3Bucket } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
} = sdkModule<typeof SdkS3>('@aws-sdk/client-s3');
type S3Client = SdkS3.S3Client;

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

/** `undefined` when S3 answers `code` (a configuration not set, a bucket deleted since it was listed). */
async function unless<T>(code: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (isErrorNamed(err, code)) return undefined;
    throw err;
  }
}

/**
 * ListBuckets names each bucket's region; for a bucket it does not, GetBucketLocation does (an empty
 * constraint is us-east-1, `EU` is eu-west-1).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 */
async function regionOf(ctx: CollectContext, bucket: Bucket, name: string): Promise<string> {
  if (bucket.BucketRegion) return bucket.BucketRegion;
  const out = await ctx.clients.get(S3Client).send(new GetBucketLocationCommand({ Bucket: name }));
  const constraint = out.LocationConstraint as string | undefined;
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

async function publicAccessOf(client: S3Client, name: string, hasPolicy: boolean, account: PublicAccessBlockSettings): Promise<BucketPublicAccess> {
  const block = await unless('NoSuchPublicAccessBlockConfiguration', () => client.send(new GetPublicAccessBlockCommand({ Bucket: name })));
  const settings = block && publicAccessBlockSettings(block.PublicAccessBlockConfiguration);
  const access: BucketPublicAccess = { ...(settings && { block: settings }) };
  if (hasPolicy) access.policyIsPublic = (await client.send(new GetBucketPolicyStatusCommand({ Bucket: name }))).PolicyStatus?.IsPublic === true;
  if (!account.ignorePublicAcls && !settings?.ignorePublicAcls) {
    const acl = await client.send(new GetBucketAclCommand({ Bucket: name }));
    access.publicAclGrants = (acl.Grants ?? []).flatMap((grant) => {
      const group = PUBLIC_GROUPS[grant.Grantee?.URI ?? ''];
      return group ? [`${group}:${grant.Permission ?? '?'}`] : [];
    });
  }
  return access;
}

async function readBucket(ctx: CollectContext, listed: Bucket, account: PublicAccessBlockSettings): Promise<S3Bucket | undefined> {
  const name = required(listed.Name, 'Bucket.Name');
  return unless('NoSuchBucket', async () => {
    const region = await regionOf(ctx, listed, name);
    // Each bucket answers in its own region only.
    const client = ctx.clients.get(S3Client, region);
    const policy = await unless('NoSuchBucketPolicy', () => client.send(new GetBucketPolicyCommand({ Bucket: name })));
    const document = policy?.Policy ? normalizePolicyDocument(JSON.parse(policy.Policy)) : undefined;
    const bucket: S3Bucket = { name, arn: `arn:${partitionOf(region)}:s3:::${name}`, region, ...(document && { policy: document }) };
    // With every account-level setting on nothing can be public: no more calls per bucket.
    if (!blocksEverything(account)) bucket.publicAccess = await publicAccessOf(client, name, document !== undefined, account);
    return bucket;
  });
}

const collectBuckets = defineCollector(s3Buckets, async (ctx) => {
  const account = (await ctx.dataset(accountPublicAccessBlock)).settings;
  const client = ctx.clients.get(S3Client);
  const listed = await collectPages(paginateListBuckets({ client, pageSize: 1000 }, {}), (page) => page.Buckets);
  const buckets = await Promise.all(listed.map((bucket) => readBucket(ctx, bucket, account)));
  return { buckets: buckets.filter((b): b is S3Bucket => b !== undefined) };
});

export const COLLECTORS = [collectBuckets];
