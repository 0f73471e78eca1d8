// AWS Secrets Manager datasets: the secrets of a region and whether they rotate (never their
// values). The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ManagedSecret {
  name: string;
  arn: string;
  rotationEnabled: boolean;
  lastRotated?: string;
  lastAccessed?: string;
}

export interface SecretsEvidence {
  secrets: ManagedSecret[];
}

export const managedSecrets = defineDataset<SecretsEvidence>({
  id: 'secretsmanager.secrets',
  scope: 'regional',
  actions: ['secretsmanager:ListSecrets'],
});
