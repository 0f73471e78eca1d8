// Amazon S3 Control datasets: the account's Block Public Access settings. The collectors that
// fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface PublicAccessBlockSettings {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface AccountPublicAccessBlockEvidence {
  /** False when the account never set one (every setting off); the effective settings may come from the organization. */
  configured: boolean;
  settings: PublicAccessBlockSettings;
}

export const accountPublicAccessBlock = defineDataset<AccountPublicAccessBlockEvidence>({
  id: 's3control.publicAccessBlock',
  // One setting for the account, read from whichever home region answers.
  scope: 'global',
  actions: ['s3:GetAccountPublicAccessBlock'],
  operations: { GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock' },
});

/** All four settings on: nothing in the account can be made public by a policy or an ACL. */
export function blocksEverything(settings: PublicAccessBlockSettings): boolean {
  return settings.blockPublicAcls && settings.ignorePublicAcls && settings.blockPublicPolicy && settings.restrictPublicBuckets;
}

/** The settings as S3 and S3 Control return them (either API); an absent one is off. */
export function publicAccessBlockSettings(config: {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
} = {}): PublicAccessBlockSettings {
  return {
    blockPublicAcls: config.BlockPublicAcls === true,
    ignorePublicAcls: config.IgnorePublicAcls === true,
    blockPublicPolicy: config.BlockPublicPolicy === true,
    restrictPublicBuckets: config.RestrictPublicBuckets === true,
  };
}
