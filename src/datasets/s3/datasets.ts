// Amazon S3 datasets: the account's buckets with what bucket access and encryption in transit are
// judged by. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';
import type { PolicyDocument } from '../policy-types.js';
import { accountPublicAccessBlock, type PublicAccessBlockSettings } from '../s3control/datasets.js';

/** What can make a bucket public, read only when the account's Block Public Access leaves a setting off. */
export interface BucketPublicAccess {
  /** The bucket's own Block Public Access settings; absent when it has none. */
  block?: PublicAccessBlockSettings;
  /** GetBucketPolicyStatus; absent when the bucket has no policy. */
  policyIsPublic?: boolean;
  /** ACL grants to everyone or to every AWS account (`AllUsers:READ`); absent when public ACLs are ignored anyway. */
  publicAclGrants?: string[];
}

export interface S3Bucket {
  name: string;
  arn: string;
  region: string;
  /** The bucket policy; absent when the bucket has none. */
  policy?: PolicyDocument;
  publicAccess?: BucketPublicAccess;
}

export interface S3BucketsEvidence {
  buckets: S3Bucket[];
}

export const s3Buckets = defineDataset<S3BucketsEvidence>({
  id: 's3.buckets',
  // Buckets are listed once for the account; each is then read in its own region.
  scope: 'global',
  actions: [
    's3:ListAllMyBuckets',
    's3:GetBucketLocation',
    's3:GetBucketPolicy',
    's3:GetBucketPublicAccessBlock',
    's3:GetBucketPolicyStatus',
    's3:GetBucketAcl',
  ],
  operations: { ListBuckets: 's3:ListAllMyBuckets', GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock' },
  dependsOn: [accountPublicAccessBlock],
});
