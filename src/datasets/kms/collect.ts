import type * as SdkKms from '@aws-sdk/client-kms';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import { classifyError } from '../../aws/errors.js';
import { defineCollector } from '../../contract/collector.js';
import { normalizePolicyDocument } from '../policy-document.js';
import { collectPages, isErrorNamed, required } from '../sdk.js';
import { kmsKeys, LIVE_KEY_STATES, type KmsKey } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListKeys,
} = sdkModule<typeof SdkKms>('@aws-sdk/client-kms');
type KMSClient = SdkKms.KMSClient;

/**
 * Automatic rotation exists only for symmetric encryption keys with AWS_KMS key material outside a
 * custom key store. https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
 */
function canRotate(key: KmsKey): boolean {
  return key.keySpec === 'SYMMETRIC_DEFAULT' && key.keyUsage === 'ENCRYPT_DECRYPT' && key.origin === 'AWS_KMS' && key.customKeyStoreId === undefined;
}

/** The key policy refusing the audit role is a fact about this key, judged as unreadable; other errors fail the dataset. */
class KeyUnreadable extends Error {
  constructor(readonly detail: NonNullable<KmsKey['unreadable']>) {
    super(detail.message);
  }
}

async function send<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    // An SCP's deny is about the account, not the key: it fails the dataset like any other error.
    const { kind, code, message } = classifyError(err, action);
    if (kind !== 'access-denied') throw err;
    throw new KeyUnreadable({ action, code, message });
  }
}

function toKey(meta: KeyMetadata): KmsKey {
  return {
    keyId: required(meta.KeyId, 'KeyMetadata.KeyId'),
    arn: required(meta.Arn, 'KeyMetadata.Arn'),
    state: required(meta.KeyState, 'KeyMetadata.KeyState'),
    keySpec: meta.KeySpec,
    keyUsage: meta.KeyUsage,
    origin: meta.Origin,
    customKeyStoreId: meta.CustomKeyStoreId,
  };
}

async function rotationOf(client: KMSClient, keyId: string): Promise<KmsKey['rotation']> {
  try {
    const { KeyRotationEnabled } = await send('kms:GetKeyRotationStatus', () => client.send(new GetKeyRotationStatusCommand({ KeyId: keyId })));
    return KeyRotationEnabled ? 'enabled' : 'disabled';
  } catch (err) {
    // KMS's answer for a key whose type cannot rotate.
    if (isErrorNamed(err, 'UnsupportedOperationException')) return 'unsupported';
    throw err;
  }
}

/** Policy and rotation of a customer-managed key that can be used. */
async function withPolicy(client: KMSClient, key: KmsKey): Promise<KmsKey> {
  if (!LIVE_KEY_STATES.includes(key.state)) return key;
  try {
    const { Policy } = await send('kms:GetKeyPolicy', () => client.send(new GetKeyPolicyCommand({ KeyId: key.keyId, PolicyName: 'default' })));
    const policy = normalizePolicyDocument(JSON.parse(required(Policy, `GetKeyPolicy.Policy of ${key.arn}`)));
    return { ...key, policy, ...(canRotate(key) && { rotation: await rotationOf(client, key.keyId) }) };
  } catch (err) {
    if (err instanceof KeyUnreadable) return { ...key, unreadable: err.detail };
    throw err;
  }
}

type Described = { key: KmsKey; customerManaged: boolean } | undefined;

async function describe(client: KMSClient, keyId: string, arn: string): Promise<Described> {
  try {
    const { KeyMetadata: meta } = await send('kms:DescribeKey', () => client.send(new DescribeKeyCommand({ KeyId: keyId })));
    const described = required(meta, `DescribeKey.KeyMetadata of ${arn}`);
    return { key: toKey(described), customerManaged: described.KeyManager === 'CUSTOMER' };
  } catch (err) {
    // Deleted between ListKeys and DescribeKey: gone, not a fault.
    if (isErrorNamed(err, 'NotFoundException')) return undefined;
    // Unreadable keys can only be customer-managed: AWS-managed key policies let the account describe them.
    if (err instanceof KeyUnreadable) return { key: { keyId, arn, state: 'unknown', unreadable: err.detail }, customerManaged: true };
    throw err;
  }
}

const collectKeys = defineCollector(kmsKeys, async (ctx) => {
  const client = ctx.clients.get(KMSClient);
  const listed = await collectPages(paginateListKeys({ client }, {}), (page) => page.Keys);
  const described = await Promise.all(
    listed.map((k) => describe(client, required(k.KeyId, 'Keys.KeyId'), required(k.KeyArn, 'Keys.KeyArn'))),
  );
  const present = described.filter((d): d is NonNullable<Described> => d !== undefined);
  const customerManaged = await Promise.all(present.filter((d) => d.customerManaged).map((d) => (d.key.unreadable ? d.key : withPolicy(client, d.key))));
  return { customerManaged, awsManagedCount: present.length - customerManaged.length };
});

export const COLLECTORS = [collectKeys];
