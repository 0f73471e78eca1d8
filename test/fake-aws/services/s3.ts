// S3 (restXml, path-style: the bucket is the first path segment): ListBuckets and
// GetBucketPolicyStatus over the account's buckets. Buckets are account-wide, so the service is
// global here; the fake does not redirect a bucket call made in another region than the bucket's.

import { FakeAwsError, type ServiceErrors } from '../errors.js';
import { stableId } from '../params.js';
import { restXml } from '../protocols/rest-xml.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface S3BucketSpec {
  name: string;
  /** Default us-east-1. */
  region?: string;
  created?: When;
  /** Absent: the bucket has no policy (GetBucketPolicyStatus answers NoSuchBucketPolicy). */
  policy?: { isPublic: boolean };
}

declare module '../scenario.js' {
  interface AccountSpec {
    s3?: { buckets?: S3BucketSpec[] };
  }
}

/** S3's own codes, shared with S3 Control (same front end). */
export const S3_ERRORS: Partial<ServiceErrors> = {
  throttle: { code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' },
  regionDisabled: { code: 'InvalidAccessKeyId', status: 403, message: 'The AWS Access Key Id you provided does not exist in our records.' },
};

function buckets(ctx: HandlerContext): S3BucketSpec[] {
  return ctx.account.s3?.buckets ?? [];
}

function bucket(ctx: HandlerContext): S3BucketSpec {
  const name = ctx.input.pathParams.Bucket;
  const found = buckets(ctx).find((b) => b.name === name);
  if (!found) throw new FakeAwsError('NoSuchBucket', 404, 'The specified bucket does not exist');
  return found;
}

function listBuckets(ctx: HandlerContext): unknown {
  return {
    ListAllMyBucketsResult: {
      Buckets: {
        Bucket: buckets(ctx).map((b) => ({
          Name: b.name,
          CreationDate: resolveWhen(b.created ?? '-400d', ctx.now),
          BucketRegion: b.region ?? 'us-east-1',
        })),
      },
      Owner: { ID: stableId(ctx.account.id, 64) },
    },
  };
}

function getBucketPolicyStatus(ctx: HandlerContext): unknown {
  const policy = bucket(ctx).policy;
  if (!policy) throw new FakeAwsError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
  return { PolicyStatus: { IsPublic: policy.isPublic } };
}

export const s3 = defineService({
  signingName: 's3',
  actionPrefix: 's3',
  protocol: restXml({ xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', requestIdHeader: 'x-amz-request-id', noErrorWrapping: true }),
  errors: S3_ERRORS,
  global: true,
  operations: {
    ListBuckets: { http: 'GET /', handler: listBuckets },
    GetBucketPolicyStatus: { http: 'GET /{Bucket}?policyStatus', handler: getBucketPolicyStatus },
  },
});
