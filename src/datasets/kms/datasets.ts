// AWS KMS datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';
import type { PolicyDocument } from '../policy-types.js';

/** The states in which a key can be used or enabled again: its policy and rotation matter. */
export const LIVE_KEY_STATES: readonly string[] = ['Enabled', 'Disabled'];

export interface KmsKey {
  keyId: string;
  arn: string;
  /** Enabled, Disabled, PendingDeletion, PendingImport, ...; `unknown` when the key policy refused DescribeKey. */
  state: string;
  keySpec?: string;
  keyUsage?: string;
  /** AWS_KMS, EXTERNAL (imported material), AWS_CLOUDHSM, EXTERNAL_KEY_STORE. */
  origin?: string;
  /** Present for keys in a custom key store. */
  customKeyStoreId?: string;
  /** The key policy; read for Enabled and Disabled keys only. */
  policy?: PolicyDocument;
  /**
   * Automatic rotation, asked only of Enabled or Disabled symmetric encryption keys with AWS_KMS key
   * material in the AWS KMS key store (the only keys that can rotate); `unsupported` when KMS answers
   * UnsupportedOperationException all the same.
   */
  rotation?: 'enabled' | 'disabled' | 'unsupported';
  /** The key policy refused the audit role a read (AccessDeniedException): the key could not be judged. */
  unreadable?: { action: string; code: string; message: string };
}

/** The region's customer-managed keys; AWS-managed keys are only counted. */
export interface KmsKeysEvidence {
  customerManaged: KmsKey[];
  awsManagedCount: number;
}

export const kmsKeys = defineDataset<KmsKeysEvidence>({
  id: 'kms.keys',
  scope: 'regional',
  actions: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus'],
});
