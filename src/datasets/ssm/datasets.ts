// AWS Systems Manager datasets: SecureString parameters, and the patch state of managed instances.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface SecureStringParametersEvidence {
  /** Names only: values are never read. */
  parameters: { name: string; lastModified?: string }[];
}

export interface InstancePatchState {
  instanceId: string;
  /** When the last Scan or Install operation ended. */
  operationEndTime?: string;
  missing: number;
  failed: number;
  criticalNonCompliant: number;
  securityNonCompliant: number;
}

export interface PatchStatesEvidence {
  /** EC2 instances Systems Manager manages (Online or not). */
  managedInstanceIds: string[];
  /** Instances that reported a patch scan or install. */
  states: InstancePatchState[];
}

export const secureStringParameters = defineDataset<SecureStringParametersEvidence>({
  id: 'ssm.secureStringParameters',
  scope: 'regional',
  actions: ['ssm:DescribeParameters'],
});

export const patchStates = defineDataset<PatchStatesEvidence>({
  id: 'ssm.patchStates',
  scope: 'regional',
  actions: ['ssm:DescribeInstanceInformation', 'ssm:DescribeInstancePatchStates'],
});
