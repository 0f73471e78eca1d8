// AWS Backup datasets: the evidence shapes checks read and the declarations. The collectors that
// fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ProtectedResourceInfo {
  /** An EC2 instance's recovery points are listed under the instance, and cover its attached volumes. */
  arn: string;
  /** EC2, EBS, RDS, Aurora, DynamoDB, EFS, ... as AWS Backup names it. */
  type?: string;
  lastBackupTime?: string;
}

/** Resources AWS Backup has backed up at least once (ListProtectedResources). */
export interface ProtectedResourcesEvidence {
  resources: ProtectedResourceInfo[];
}

export interface RestoreTestingPlanInfo {
  arn: string;
  name: string;
  scheduleExpression?: string;
  lastExecutionTime?: string;
}

export interface RestoreJobInfo {
  restoreJobId: string;
  resourceType?: string;
  completionDate?: string;
  /** Set when a restore testing plan started the job. */
  restoreTestingPlanArn?: string;
  validationStatus?: string;
}

export interface RestoreTestsEvidence {
  plans: RestoreTestingPlanInfo[];
  /** Completed restore jobs since `since`, newest first, at most RESTORE_JOBS_KEPT of them. */
  completedJobs: RestoreJobInfo[];
  completedJobCount: number;
  /** ISO 8601: the start of the window the jobs were listed for. */
  since: string;
}

/** How many completed restore jobs the evidence keeps (the newest); the count covers them all. */
export const RESTORE_JOBS_KEPT = 20;

export const protectedResources = defineDataset<ProtectedResourcesEvidence>({
  id: 'backup.protectedResources',
  scope: 'regional',
  actions: ['backup:ListProtectedResources'],
});

export const restoreTests = defineDataset<RestoreTestsEvidence>({
  id: 'backup.restoreTests',
  scope: 'regional',
  actions: ['backup:ListRestoreTestingPlans', 'backup:ListRestoreJobs'],
});
