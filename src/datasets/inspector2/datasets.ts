// Amazon Inspector datasets: which resource types Inspector scans in a region, and its open critical
// findings. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface InspectorStatusEvidence {
  /** ENABLED, ENABLING, DISABLING, DISABLED, SUSPENDING or SUSPENDED (the account's state in the region). */
  status: string;
  /** Scanning per resource type: ec2, ecr, lambda, lambdaCode, each ENABLED or another state. */
  resources: Record<string, string>;
  /** Set when Inspector could not report the account's status. */
  errorCode?: string;
}

export interface InspectorFinding {
  firstObservedAt: string;
  /** AWS_EC2_INSTANCE, AWS_ECR_CONTAINER_IMAGE, AWS_LAMBDA_FUNCTION, ... */
  resourceType?: string;
  resourceId?: string;
}

export interface InspectorCriticalFindingsEvidence {
  /** False when Inspector is not enabled in the region (nothing is asked). */
  enabled: boolean;
  /** Active findings of severity CRITICAL. */
  findings: InspectorFinding[];
}

export const inspectorStatus = defineDataset<InspectorStatusEvidence>({
  id: 'inspector2.accountStatus',
  scope: 'regional',
  actions: ['inspector2:BatchGetAccountStatus'],
});

export const inspectorCriticalFindings = defineDataset<InspectorCriticalFindingsEvidence>({
  id: 'inspector2.criticalFindings',
  scope: 'regional',
  actions: ['inspector2:ListFindings'],
  dependsOn: [inspectorStatus],
});
