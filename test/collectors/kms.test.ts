import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, NotFoundException, UnsupportedOperationException } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { kmsKeys } from '../../src/datasets/kms/datasets.js';
import { ACCOUNT_ID, awsError, collect, REGION, testContext } from './context.js';

const kms = mockClient(KMSClient);
const arn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${id}`;
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'kms:*', Resource: '*' }] });

type Meta = Record<string, unknown>;
const symmetric: Meta = { KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Origin: 'AWS_KMS' };

function keysAre(metas: Record<string, Meta>): void {
  kms.on(ListKeysCommand).resolves({ Keys: Object.keys(metas).map((id) => ({ KeyId: id, KeyArn: arn(id) })) });
  for (const [id, meta] of Object.entries(metas)) kms.on(DescribeKeyCommand, { KeyId: id }).resolves({ KeyMetadata: { KeyId: id, Arn: arn(id), ...meta } });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: POLICY, PolicyName: 'default' });
}

describe('kms.keys', () => {
  beforeEach(() => kms.reset());

  it('reads the policy of usable customer-managed keys and asks rotation only of rotatable ones', async () => {
    keysAre({
      sym: symmetric,
      rsa: { ...symmetric, KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' },
      imported: { ...symmetric, Origin: 'EXTERNAL' },
      store: { ...symmetric, CustomKeyStoreId: 'cks-1234', Origin: 'AWS_CLOUDHSM' },
      leaving: { ...symmetric, KeyState: 'PendingDeletion' },
      managed: { ...symmetric, KeyManager: 'AWS' },
    });
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    const evidence = await collect(kmsKeys, testContext());
    expect(evidence.awsManagedCount).toBe(1);
    expect(evidence.customerManaged.map((k) => [k.keyId, k.state, k.rotation, k.policy?.statements[0]?.principal])).toEqual([
      ['sym', 'Enabled', 'disabled', { AWS: [`arn:aws:iam::${ACCOUNT_ID}:root`] }],
      ['rsa', 'Enabled', undefined, { AWS: [`arn:aws:iam::${ACCOUNT_ID}:root`] }],
      ['imported', 'Enabled', undefined, { AWS: [`arn:aws:iam::${ACCOUNT_ID}:root`] }],
      ['store', 'Enabled', undefined, { AWS: [`arn:aws:iam::${ACCOUNT_ID}:root`] }],
      ['leaving', 'PendingDeletion', undefined, undefined],
    ]);
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual(['sym']);
    expect(kms.commandCalls(GetKeyPolicyCommand).map((c) => c.args[0].input)).toEqual(['sym', 'rsa', 'imported', 'store'].map((KeyId) => ({ KeyId, PolicyName: 'default' })));
  });

  it('records UnsupportedOperationException as rotation unsupported: an answer', async () => {
    keysAre({ sym: symmetric });
    kms.on(GetKeyRotationStatusCommand).rejects(new UnsupportedOperationException({ message: 'not supported', $metadata: {} }));
    expect((await collect(kmsKeys, testContext())).customerManaged[0]?.rotation).toBe('unsupported');
  });

  it('skips a key deleted between ListKeys and DescribeKey', async () => {
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'gone', KeyArn: arn('gone') }] });
    kms.on(DescribeKeyCommand).rejects(new NotFoundException({ message: 'gone', $metadata: {} }));
    expect(await collect(kmsKeys, testContext())).toEqual({ customerManaged: [], awsManagedCount: 0 });
  });

  it('marks a key whose policy refuses the audit role as unreadable, naming the call', async () => {
    keysAre({ sym: symmetric });
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'sym', KeyArn: arn('sym') }, { KeyId: 'locked', KeyArn: arn('locked') }] });
    kms.on(DescribeKeyCommand, { KeyId: 'locked' }).rejects(awsError('AccessDeniedException', 'no resource-based policy allows the kms:DescribeKey action'));
    kms.on(GetKeyPolicyCommand, { KeyId: 'sym' }).rejects(awsError('AccessDeniedException', 'no resource-based policy allows the kms:GetKeyPolicy action'));
    const { customerManaged } = await collect(kmsKeys, testContext());
    expect(customerManaged.map((k) => [k.keyId, k.state, k.unreadable?.action])).toEqual([
      ['sym', 'Enabled', 'kms:GetKeyPolicy'],
      ['locked', 'unknown', 'kms:DescribeKey'],
    ]);
  });

  it('lets an SCP denial and other errors fail the dataset', async () => {
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'sym', KeyArn: arn('sym') }] });
    kms.on(DescribeKeyCommand).rejects(awsError('AccessDeniedException', 'with an explicit deny in a service control policy'));
    await expect(collect(kmsKeys, testContext())).rejects.toThrow(/service control policy/);
    kms.reset();
    kms.on(ListKeysCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(kmsKeys, testContext())).rejects.toThrow('AccessDeniedException');
  });
});
