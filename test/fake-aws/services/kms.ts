// AWS KMS (awsJson 1.1): the region's keys, their metadata, key policies and rotation status. A key
// whose type cannot rotate answers UnsupportedOperationException; a key policy that refuses the
// audit role answers AccessDeniedException; a key deleted after listing answers NotFoundException.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, requiredString, stableId } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';
import type { PolicyDocumentJson } from './iam-model.js';

export interface KmsKeySpec {
  /** Generated from the account, region and position when absent. */
  id?: string;
  manager?: 'CUSTOMER' | 'AWS';
  state?: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport';
  spec?: string;
  usage?: string;
  origin?: 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
  customKeyStoreId?: string;
  /** Default: the default key policy (the account's IAM decides). */
  policy?: PolicyDocumentJson;
  rotation?: boolean;
  /** The key policy refuses the audit role this call (and those after it). */
  refuses?: 'DescribeKey' | 'GetKeyPolicy';
  /** Listed by ListKeys, then gone: deleted in between. */
  vanished?: boolean;
}

declare module '../scenario.js' {
  interface RegionSpec {
    kms?: { keys: KmsKeySpec[] };
  }
}

function keyIdOf(ctx: HandlerContext, spec: KmsKeySpec, index: number): string {
  if (spec.id) return spec.id;
  const hex = stableId(`${ctx.account.id}/${ctx.region}/${index}`, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const keyArn = (ctx: HandlerContext, id: string) => `arn:aws:kms:${ctx.region}:${ctx.account.id}:key/${id}`;

function keys(ctx: HandlerContext): { id: string; spec: KmsKeySpec }[] {
  return (ctx.regionSpec.kms?.keys ?? []).map((spec, i) => ({ id: keyIdOf(ctx, spec, i), spec }));
}

const ORDER = ['DescribeKey', 'GetKeyPolicy', 'GetKeyRotationStatus'];

/** The key the request names (by ID or ARN), as the caller may read it with `operation`. */
function keyFor(ctx: HandlerContext, operation: string): { id: string; spec: KmsKeySpec } {
  const ref = requiredString(ctx.input.json.KeyId, 'keyId');
  const found = keys(ctx).find((k) => k.id === ref || keyArn(ctx, k.id) === ref);
  if (!found || found.spec.vanished) throw new FakeAwsError('NotFoundException', 400, `Key '${keyArn(ctx, ref)}' does not exist`);
  const refused = found.spec.refuses;
  if (refused && ORDER.indexOf(operation) >= ORDER.indexOf(refused)) {
    throw new FakeAwsError('AccessDeniedException', 400, `User: ${ctx.callerArn} is not authorized to perform: kms:${operation} on resource: ${keyArn(ctx, found.id)} because no resource-based policy allows the kms:${operation} action`);
  }
  return found;
}

function listKeys(ctx: HandlerContext): unknown {
  const listed = keys(ctx).map(({ id }) => ({ KeyId: id, KeyArn: keyArn(ctx, id) }));
  const page = paginate(listed, ctx.input.json.Marker, optionalNumber(ctx.input.json.Limit) ?? 100, 'InvalidMarkerException');
  return { Keys: page.items, Truncated: page.nextToken !== undefined, NextMarker: page.nextToken };
}

function describeKey(ctx: HandlerContext): unknown {
  const { id, spec } = keyFor(ctx, 'DescribeKey');
  const state = spec.state ?? 'Enabled';
  return {
    KeyMetadata: {
      AWSAccountId: ctx.account.id, KeyId: id, Arn: keyArn(ctx, id), CreationDate: epochSeconds(new Date('2024-04-01T00:00:00Z')),
      Enabled: state === 'Enabled', KeyUsage: spec.usage ?? 'ENCRYPT_DECRYPT', KeyState: state, Origin: spec.origin ?? 'AWS_KMS',
      KeyManager: spec.manager ?? 'CUSTOMER', KeySpec: spec.spec ?? 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: spec.spec ?? 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'], MultiRegion: false,
      ...(spec.customKeyStoreId && { CustomKeyStoreId: spec.customKeyStoreId }),
      ...(state === 'PendingDeletion' && { DeletionDate: epochSeconds(new Date('2030-01-01T00:00:00Z')), PendingDeletionWindowInDays: 30 }),
    },
  };
}

function defaultPolicy(accountId: string): PolicyDocumentJson {
  return { Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }] };
}

function getKeyPolicy(ctx: HandlerContext): unknown {
  const { spec } = keyFor(ctx, 'GetKeyPolicy');
  const policy = spec.policy ?? defaultPolicy(ctx.account.id);
  return { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', ...policy }), PolicyName: 'default' };
}

function getKeyRotationStatus(ctx: HandlerContext): unknown {
  const { id, spec } = keyFor(ctx, 'GetKeyRotationStatus');
  const symmetric = (spec.spec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' && (spec.origin ?? 'AWS_KMS') === 'AWS_KMS' && !spec.customKeyStoreId;
  if (!symmetric) throw new FakeAwsError('UnsupportedOperationException', 400, `${keyArn(ctx, id)} origin is not AWS_KMS or the key is not symmetric.`);
  return { KeyId: keyArn(ctx, id), KeyRotationEnabled: spec.rotation ?? false, ...(spec.rotation && { RotationPeriodInDays: 365 }) };
}

export const kms = defineService({
  signingName: 'kms',
  actionPrefix: 'kms',
  protocol: awsJson('TrentService'),
  operations: {
    ListKeys: listKeys,
    DescribeKey: describeKey,
    GetKeyPolicy: getKeyPolicy,
    GetKeyRotationStatus: getKeyRotationStatus,
  },
});
