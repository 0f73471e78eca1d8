// S3 (restXml, path-style: the bucket is the first path segment): ListBuckets and the bucket reads
// the audit makes, PutObject for `--upload` (the body checked against its SHA-256, as S3 does), and
// ListObjectsV2 and GetObject for `merge s3://...`. Buckets are account-wide, so the service answers in every region; a bucket call
// signed for another region than the bucket's is redirected (301 PermanentRedirect with
// x-amz-bucket-region), as S3 does, except GetBucketLocation, which answers from anywhere.

import { createHash, randomUUID } from 'node:crypto';
import { FakeAwsError, type ServiceErrors } from '../errors.js';
import { stableId } from '../params.js';
import { RawPayload, restXml } from '../protocols/rest-xml.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';
import type { PublicAccessBlockSpec } from './s3-control.js';

export interface S3BucketSpec {
  name: string;
  /** Default us-east-1. */
  region?: string;
  created?: When;
  /**
   * Absent: the bucket has no policy (GetBucketPolicy and GetBucketPolicyStatus answer NoSuchBucketPolicy).
   * `document` defaults to a statement granting s3:GetObject to everyone when public, else to the account.
   */
  policy?: { isPublic: boolean; document?: Record<string, unknown> };
  /** Grants to the AllUsers or AuthenticatedUsers groups; the owner always has FULL_CONTROL. */
  publicAcl?: { group: 'AllUsers' | 'AuthenticatedUsers'; permission: 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL' }[];
  /** Absent: none set (GetPublicAccessBlock answers NoSuchPublicAccessBlockConfiguration). */
  publicAccessBlock?: PublicAccessBlockSpec;
  /** ListBuckets leaves BucketRegion out (older answers), so the caller asks GetBucketLocation. */
  unlistedRegion?: boolean;
  /** PutObject answers a version ID. */
  versioned?: boolean;
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

const GROUP_URI = 'http://acs.amazonaws.com/groups/global/';

function buckets(ctx: HandlerContext): S3BucketSpec[] {
  return ctx.account.s3?.buckets ?? [];
}

function regionOf(bucket: S3BucketSpec): string {
  return bucket.region ?? 'us-east-1';
}

function findBucket(ctx: HandlerContext): S3BucketSpec {
  const name = ctx.input.pathParams.Bucket;
  const found = buckets(ctx).find((b) => b.name === name);
  if (!found) throw new FakeAwsError('NoSuchBucket', 404, 'The specified bucket does not exist');
  return found;
}

/** The bucket, when the call was signed for its region. */
function bucket(ctx: HandlerContext): S3BucketSpec {
  const found = findBucket(ctx);
  if (regionOf(found) !== ctx.region) {
    throw new FakeAwsError('PermanentRedirect', 301, 'The bucket you are attempting to access must be addressed using the specified endpoint.', {
      'x-amz-bucket-region': regionOf(found),
    });
  }
  return found;
}

function listBuckets(ctx: HandlerContext): unknown {
  return {
    ListAllMyBucketsResult: {
      Buckets: {
        Bucket: buckets(ctx).map((b) => ({
          Name: b.name,
          CreationDate: resolveWhen(b.created ?? '-400d', ctx.now),
          ...(b.unlistedRegion ? {} : { BucketRegion: regionOf(b) }),
        })),
      },
      Owner: { ID: stableId(ctx.account.id, 64) },
    },
  };
}

function getBucketLocation(ctx: HandlerContext): unknown {
  const region = regionOf(findBucket(ctx));
  // us-east-1 buckets have no location constraint.
  return { LocationConstraint: region === 'us-east-1' ? '' : region };
}

function policyOf(ctx: HandlerContext): NonNullable<S3BucketSpec['policy']> {
  const policy = bucket(ctx).policy;
  if (!policy) throw new FakeAwsError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
  return policy;
}

function getBucketPolicy(ctx: HandlerContext): unknown {
  const policy = policyOf(ctx);
  const name = ctx.input.pathParams.Bucket!;
  const principal = policy.isPublic ? '*' : { AWS: `arn:aws:iam::${ctx.account.id}:root` };
  const document = policy.document ?? {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` }],
  };
  return new RawPayload(JSON.stringify(document), 'application/json');
}

function getBucketPolicyStatus(ctx: HandlerContext): unknown {
  return { PolicyStatus: { IsPublic: policyOf(ctx).isPublic } };
}

function getBucketAcl(ctx: HandlerContext): unknown {
  const spec = bucket(ctx);
  const owner = { ID: stableId(ctx.account.id, 64) };
  const grants = [
    { Grantee: owner, Permission: 'FULL_CONTROL' },
    ...(spec.publicAcl ?? []).map((g) => ({ Grantee: { URI: `${GROUP_URI}${g.group}` }, Permission: g.permission })),
  ];
  return { AccessControlPolicy: { Owner: owner, AccessControlList: { Grant: grants } } };
}

/** The Block Public Access document of S3 and S3 Control; settings left out are false. */
export function publicAccessBlockDocument(block: PublicAccessBlockSpec | undefined): unknown {
  if (!block) throw new FakeAwsError('NoSuchPublicAccessBlockConfiguration', 404, 'The public access block configuration was not found');
  return {
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: block.blockPublicAcls ?? false,
      IgnorePublicAcls: block.ignorePublicAcls ?? false,
      BlockPublicPolicy: block.blockPublicPolicy ?? false,
      RestrictPublicBuckets: block.restrictPublicBuckets ?? false,
    },
  };
}

function getPublicAccessBlock(ctx: HandlerContext): unknown {
  return publicAccessBlockDocument(bucket(ctx).publicAccessBlock);
}

function putObject(ctx: HandlerContext): unknown {
  const spec = bucket(ctx);
  const { headers, payload = Buffer.alloc(0), pathParams } = ctx.input;
  if (String(headers['content-encoding'] ?? '').includes('aws-chunked')) {
    // S3 decodes aws-chunked bodies; this fake does not, so it says so rather than store the framing.
    throw new FakeAwsError('NotImplemented', 501, 'A header you provided implies functionality that is not implemented.');
  }
  const declared = headers['x-amz-checksum-sha256'] as string | undefined;
  if (declared !== undefined && declared !== createHash('sha256').update(payload).digest('base64')) {
    throw new FakeAwsError('BadDigest', 400, 'The sha256 you specified did not match the calculated checksum.');
  }
  const versionId = spec.versioned ? randomUUID().replaceAll('-', '') : undefined;
  const contentType = headers['content-type'] as string | undefined;
  ctx.state.objects.set(`${spec.name}/${pathParams.Key}`, { body: payload, contentType, checksumSha256: declared, versionId });
  return new RawPayload('', 'application/xml', {
    etag: etagOf(payload),
    ...(declared ? { 'x-amz-checksum-sha256': declared } : {}),
    ...(versionId ? { 'x-amz-version-id': versionId } : {}),
  });
}

function getObject(ctx: HandlerContext): unknown {
  const spec = bucket(ctx);
  const stored = ctx.state.objects.get(`${spec.name}/${ctx.input.pathParams.Key}`);
  if (!stored) throw new FakeAwsError('NoSuchKey', 404, 'The specified key does not exist.');
  // S3 answers the object's checksum only when asked (the SDK asks, and checks the body against it).
  const checksum = ctx.input.headers['x-amz-checksum-mode'] === 'ENABLED' && stored.checksumSha256;
  return new RawPayload(stored.body, stored.contentType ?? 'binary/octet-stream', {
    etag: etagOf(stored.body),
    ...(checksum ? { 'x-amz-checksum-sha256': checksum, 'x-amz-checksum-type': 'FULL_OBJECT' } : {}),
    ...(stored.versionId ? { 'x-amz-version-id': stored.versionId } : {}),
  });
}

const LIST_PAGE = 1000;

/** ListObjectsV2: keys under the prefix in order, S3's 1,000 a page (or MaxKeys); the token is the last key sent. */
function listObjectsV2(ctx: HandlerContext): unknown {
  const spec = bucket(ctx);
  const query = ctx.input.form;
  const prefix = query.get('prefix') ?? '';
  const after = query.has('continuation-token') ? Buffer.from(query.get('continuation-token')!, 'base64url').toString() : (query.get('start-after') ?? '');
  const pageSize = Math.min(Number(query.get('max-keys') ?? LIST_PAGE), LIST_PAGE);
  const keys = [...ctx.state.objects.keys()]
    .filter((k) => k.startsWith(`${spec.name}/`))
    .map((k) => k.slice(spec.name.length + 1))
    .filter((k) => k.startsWith(prefix) && k > after)
    .sort();
  const page = keys.slice(0, pageSize);
  const truncated = keys.length > page.length;
  return {
    ListBucketResult: {
      Name: spec.name,
      Prefix: prefix,
      KeyCount: page.length,
      MaxKeys: pageSize,
      IsTruncated: truncated,
      ...(query.has('continuation-token') ? { ContinuationToken: query.get('continuation-token') } : {}),
      ...(truncated ? { NextContinuationToken: Buffer.from(page.at(-1)!).toString('base64url') } : {}),
      Contents: page.map((key) => {
        const body = ctx.state.objects.get(`${spec.name}/${key}`)!.body;
        return { Key: key, Size: body.length, ETag: etagOf(body), StorageClass: 'STANDARD' };
      }),
    },
  };
}

const etagOf = (body: Buffer): string => `"${createHash('md5').update(body).digest('hex')}"`;

export const s3 = defineService({
  signingName: 's3',
  actionPrefix: 's3',
  protocol: restXml({ xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', requestIdHeader: 'x-amz-request-id', noErrorWrapping: true }),
  errors: S3_ERRORS,
  global: true,
  iamActions: { ListBuckets: 'ListAllMyBuckets', GetPublicAccessBlock: 'GetBucketPublicAccessBlock', ListObjectsV2: 'ListBucket' },
  operations: {
    ListBuckets: { http: 'GET /', handler: listBuckets },
    GetBucketLocation: { http: 'GET /{Bucket}?location', handler: getBucketLocation },
    GetBucketPolicy: { http: 'GET /{Bucket}?policy', handler: getBucketPolicy },
    GetBucketPolicyStatus: { http: 'GET /{Bucket}?policyStatus', handler: getBucketPolicyStatus },
    GetBucketAcl: { http: 'GET /{Bucket}?acl', handler: getBucketAcl },
    GetPublicAccessBlock: { http: 'GET /{Bucket}?publicAccessBlock', handler: getPublicAccessBlock },
    ListObjectsV2: { http: 'GET /{Bucket}?list-type=2', handler: listObjectsV2 },
    GetObject: { http: 'GET /{Bucket}/{Key+}', handler: getObject },
    PutObject: { http: 'PUT /{Bucket}/{Key+}', handler: putObject },
  },
});
