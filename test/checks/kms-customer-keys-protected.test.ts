import check from '../../checks/kms-customer-keys-protected.js';
import type { KmsKey } from '../../src/datasets/kms/datasets.js';
import type { PolicyStatement } from '../../src/datasets/policy-types.js';
import { ACCOUNT_ROOT_STATEMENT, keyArn, kmsKey, kmsKeys } from '../helpers/fixtures/keys.js';
import { ACCOUNT, input, REGION } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const everyone = (statement: Partial<PolicyStatement>): PolicyStatement => ({ effect: 'Allow', principal: '*', action: ['kms:Decrypt'], resource: ['*'], ...statement });
const withPolicy = (id: string, ...extra: PolicyStatement[]) => kmsKey(id, { policy: { statements: [ACCOUNT_ROOT_STATEMENT, ...extra] } });

function keys(list: KmsKey[], awsManaged = 2): CheckCase['input'] {
  return input({ data: { keys: kmsKeys(list, awsManaged) } });
}

runCheckCases(check, [
  {
    name: 'a key policy allowing a use action to everyone without a caller condition fails; a condition on another key does not clear it',
    input: keys([
      withPolicy('open-star', everyone({ sid: 'Public' })),
      withPolicy('open-aws-star', everyone({ principal: { AWS: ['*'] }, action: ['kms:*'], condition: { Bool: { 'aws:SecureTransport': ['true'] } } })),
      withPolicy('not-principal', { effect: 'Allow', notPrincipal: { AWS: ['arn:aws:iam::999999999999:root'] }, action: ['kms:GenerateDataKey*'], resource: ['*'] }),
    ]),
    expected: [
      { status: 'FAIL', messageId: 'openPolicy', resource: keyArn('open-star'), params: { statements: 'statement Public', actions: 'kms:Decrypt' } },
      { status: 'FAIL', messageId: 'openPolicy', resource: keyArn('open-aws-star'), params: { statements: 'statement 2' } },
      { status: 'FAIL', messageId: 'openPolicy', resource: keyArn('not-principal'), params: { actions: 'kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext, kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext' } },
    ],
  },
  {
    name: 'a wildcard bound to the organization, or through a service, or for non-use actions only, passes',
    input: keys([
      withPolicy('org', everyone({ condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } } })),
      withPolicy('via', everyone({ condition: { StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com'], 'kms:CallerAccount': ['111122223333'] } } })),
      withPolicy('describe', everyone({ action: ['kms:DescribeKey'] })),
    ]),
    expected: ['org', 'via', 'describe'].map((id) => ({ status: 'PASS' as const, messageId: 'protectedKey', resource: keyArn(id), params: { rotation: ', and rotates automatically' } })),
  },
  {
    name: 'rotation off on a rotatable key warns; other key types pass with a note',
    input: keys([
      kmsKey('no-rotation', { rotation: 'disabled' }),
      kmsKey('rsa', { keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY', rotation: undefined }),
      kmsKey('refused', { rotation: 'unsupported', state: 'Disabled' }),
    ]),
    expected: [
      { status: 'WARN', messageId: 'rotationOff', resource: keyArn('no-rotation') },
      { status: 'PASS', messageId: 'protectedKey', resource: keyArn('rsa'), params: { rotation: '; its type cannot rotate automatically' } },
      { status: 'PASS', messageId: 'protectedKey', resource: keyArn('refused'), params: { state: 'Disabled', rotation: '; KMS does not rotate this key type' } },
    ],
  },
  {
    name: 'a key whose policy refuses the audit role is an error; keys pending deletion are only counted',
    input: keys([
      kmsKey('locked', { state: 'unknown', unreadable: { action: 'kms:DescribeKey', code: 'AccessDeniedException', message: 'no' }, policy: undefined }),
      kmsKey('leaving', { state: 'PendingDeletion', policy: undefined, rotation: undefined }),
    ]),
    expected: [{ status: 'ERROR', messageId: 'unreadable', resource: keyArn('locked'), params: { action: 'kms:DescribeKey', code: 'AccessDeniedException' } }],
  },
  {
    name: 'no usable customer-managed key: nothing to judge in the region',
    input: keys([kmsKey('leaving', { state: 'PendingDeletion' })], 5),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noCustomerKeys', resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key`, params: { pending: 1, awsManaged: 5 } }],
  },
]);
