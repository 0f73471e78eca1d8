import { kmsKeys, LIVE_KEY_STATES, type KmsKey } from '../src/datasets/kms/datasets.js';
import type { PolicyStatement } from '../src/datasets/policy-types.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { admitsEveryone, callerLimits, coversAction } from './lib/policy-principals.js';

/** The actions that use a key's material, or hand it to someone else (a grant). */
const USE_ACTIONS = [
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:CreateGrant',
];

const MESSAGES = {
  openPolicy: 'Key {keyId} lets anyone use it: {statements} allow(s) {actions} to every principal with no condition on who calls.',
  rotationOff: 'Key {keyId} is a symmetric key with AWS KMS key material and automatic rotation is off.',
  protectedKey: 'Key {keyId} ({state}) admits no unbound principal to its use{rotation}.',
  unreadable: 'Key {keyId} could not be read: its key policy refuses the audit role {action} ({code}).',
  noCustomerKeys: 'No customer-managed key can be used in {region} ({pending} pending deletion, {awsManaged} AWS-managed).',
} as const;

type MessageId = keyof typeof MESSAGES;

/** An Allow to everyone of kms:* or a use action, with no binding condition on the caller. */
function openStatement(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow' && admitsEveryone(statement) && USE_ACTIONS.some((a) => coversAction(statement, a)) && callerLimits(statement).length === 0;
}

function rotationNote(key: KmsKey): string {
  if (key.rotation === 'enabled') return ', and rotates automatically';
  if (key.rotation === 'unsupported') return '; KMS does not rotate this key type';
  return '; its type cannot rotate automatically';
}

function judgeKey(key: KmsKey, counts: Record<string, number>): Outcome<MessageId> {
  const resource = key.arn;
  const evidence = { key, counts };
  if (key.unreadable) return { status: 'ERROR', messageId: 'unreadable', resource, params: { keyId: key.keyId, action: key.unreadable.action, code: key.unreadable.code }, evidence };
  const all = key.policy?.statements ?? [];
  const open = all.filter(openStatement);
  if (open.length > 0) {
    const statements = open.map((s) => (s.sid ? `statement ${s.sid}` : `statement ${all.indexOf(s) + 1}`)).join(', ');
    const actions = [...new Set(open.flatMap((s) => USE_ACTIONS.filter((a) => coversAction(s, a))))].join(', ');
    return { status: 'FAIL', messageId: 'openPolicy', resource, params: { keyId: key.keyId, statements, actions }, evidence: { ...evidence, openStatements: open } };
  }
  if (key.rotation === 'disabled') return { status: 'WARN', messageId: 'rotationOff', resource, params: { keyId: key.keyId }, evidence };
  return { status: 'PASS', messageId: 'protectedKey', resource, params: { keyId: key.keyId, state: key.state, rotation: rotationNote(key) }, evidence };
}

export default defineCheck({
  id: 'kms-customer-keys-protected',
  title: 'Customer-managed KMS keys admit no one unbound and rotate where they can',
  description:
    'Lists the KMS keys of each region and reads the customer-managed ones in state Enabled or Disabled (keys pending deletion and ' +
    'AWS-managed keys are only counted). A key policy Allow to every principal (`*`, {"AWS": "*"} or any NotPrincipal) of kms:* or a use ' +
    'action (Decrypt, Encrypt, ReEncrypt*, GenerateDataKey*, CreateGrant) with no binding condition on aws:PrincipalOrgID, ' +
    'aws:PrincipalAccount, aws:PrincipalArn, kms:CallerAccount, aws:SourceAccount, aws:SourceArn or kms:ViaService fails; a condition on ' +
    'any other key does not clear it. A symmetric key with AWS_KMS key material in the AWS KMS key store and automatic rotation off ' +
    'warns (asymmetric, HMAC, imported and custom key store keys cannot rotate automatically). How keys are protected and their use ' +
    'controlled is attested.',
  requirements: { 'smb-competency': ['SECOPS-004'] },
  severity: 'high',
  scope: 'region',
  uses: { keys: kmsKeys },
  remediation:
    'Scope each open statement to the principals that need the key, or bind it with a condition such as ' +
    '`"StringEquals": {"aws:PrincipalOrgID": "o-..."}` or `kms:ViaService` (`aws kms put-key-policy`), and turn on rotation: ' +
    '`aws kms enable-key-rotation --key-id <key>`.',
  docsUrl: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { customerManaged, awsManagedCount } = input.data.keys;
    const live = customerManaged.filter((k) => k.unreadable || LIVE_KEY_STATES.includes(k.state));
    const pending = customerManaged.filter((k) => k.state === 'PendingDeletion').length;
    const counts = { customerManaged: customerManaged.length, usable: live.length, pendingDeletion: pending, awsManaged: awsManagedCount };
    if (live.length > 0) return live.map((key) => judgeKey(key, counts));
    const params = { region: input.region, pending, awsManaged: awsManagedCount };
    return [{ status: 'NOT_APPLICABLE', messageId: 'noCustomerKeys', resource: regionalArn(input, 'kms', 'key'), params, evidence: { counts } }];
  },
});
