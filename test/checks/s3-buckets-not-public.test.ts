import check from '../../checks/s3-buckets-not-public.js';
import { accountBlock, blockSettings, bucket, buckets } from '../helpers/fixtures/s3.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

runCheckCases(check, [
  {
    name: 'all four account settings on: one PASS, no bucket judged',
    input: accountInput({ data: { account: accountBlock('all'), buckets: buckets(bucket('site')) } }),
    expected: [{ status: 'PASS', messageId: 'accountBlocksAll', resource: ROOT, params: { buckets: 1 } }],
  },
  {
    name: 'a public policy without RestrictPublicBuckets fails; a public ACL without IgnorePublicAcls fails with both reasons',
    input: accountInput({
      data: {
        account: accountBlock({ blockPublicPolicy: true }),
        buckets: buckets(
          bucket('site', { publicAccess: { policyIsPublic: true, publicAclGrants: ['AllUsers:READ'] } }),
          bucket('logs', { publicAccess: { policyIsPublic: false, publicAclGrants: [] } }),
        ),
      },
    }),
    expected: [
      { status: 'FAIL', messageId: 'public', resource: 'arn:aws:s3:::site', params: { reasons: 'its bucket policy is public and its ACL grants AllUsers:READ' } },
      { status: 'PASS', messageId: 'notPublic', resource: 'arn:aws:s3:::logs', params: { why: 'no public policy and no public ACL grant' } },
    ],
  },
  {
    name: 'bucket-level settings restrict a public policy and void public ACL grants',
    input: accountInput({
      data: {
        account: accountBlock(),
        buckets: buckets(bucket('site', { publicAccess: { block: blockSettings({ restrictPublicBuckets: true, ignorePublicAcls: true }), policyIsPublic: true } })),
      },
    }),
    expected: [{ status: 'PASS', messageId: 'notPublic', resource: 'arn:aws:s3:::site', params: { why: 'its public policy is restricted by Block Public Access' } }],
  },
  {
    name: 'settings partly off and no buckets: PASS naming what is off',
    input: accountInput({ data: { account: accountBlock({ blockPublicAcls: true, ignorePublicAcls: true }), buckets: buckets() } }),
    expected: [{ status: 'PASS', messageId: 'noBuckets', resource: ROOT, params: { off: 'blockPublicPolicy, restrictPublicBuckets' } }],
  },
]);
