import check from '../../checks/s3-buckets-deny-insecure-transport.js';
import { bucket, buckets, denyInsecure } from '../helpers/fixtures/s3.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

runCheckCases(check, [
  {
    name: 'the canonical deny passes, in its variants (AWS "*", BoolIfExists, key in other case, NotAction)',
    input: accountInput({
      data: {
        buckets: buckets(
          bucket('a', { statements: [denyInsecure('a')] }),
          bucket('b', { statements: [denyInsecure('b', { principal: { AWS: ['*'] }, condition: { BoolIfExists: { 'aws:securetransport': ['False'] } } })] }),
          bucket('c', { statements: [denyInsecure('c', { action: undefined, notAction: ['s3:GetBucketLocation'] })] }),
        ),
      },
    }),
    expected: [
      { status: 'PASS', messageId: 'denied', resource: 'arn:aws:s3:::a' },
      { status: 'PASS', messageId: 'denied', resource: 'arn:aws:s3:::b' },
      { status: 'PASS', messageId: 'denied', resource: 'arn:aws:s3:::c' },
    ],
  },
  {
    name: 'no policy, an Allow on SecureTransport true, or a deny to one principal only: WARN',
    input: accountInput({
      data: {
        buckets: buckets(
          bucket('none'),
          bucket('allow', { statements: [{ effect: 'Allow', principal: '*', action: ['s3:GetObject'], condition: { Bool: { 'aws:SecureTransport': ['true'] } } }] }),
          bucket('one', { statements: [denyInsecure('one', { principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] } })] }),
        ),
      },
    }),
    expected: [
      { status: 'WARN', messageId: 'allowed', resource: 'arn:aws:s3:::none' },
      { status: 'WARN', messageId: 'allowed', resource: 'arn:aws:s3:::allow' },
      { status: 'WARN', messageId: 'allowed', resource: 'arn:aws:s3:::one' },
    ],
  },
  {
    name: 'no buckets: nothing to judge',
    input: accountInput({ data: { buckets: buckets() } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noBuckets', resource: `arn:aws:iam::${ACCOUNT}:root` }],
  },
]);
