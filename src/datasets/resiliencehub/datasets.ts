// AWS Resilience Hub datasets: the evidence shapes checks read and the declarations. The collectors
// that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface AppAssessmentInfo {
  arn: string;
  appArn?: string;
  name?: string;
  /** Pending, InProgress, Failed or Success. */
  status: string;
  /** PolicyMet or PolicyBreached. */
  complianceStatus?: string;
  invoker?: string;
  resiliencyScore?: number;
  endTime?: string;
}

export interface AppAssessmentsEvidence {
  /** False where AWS offers no Resilience Hub endpoint in the region (its host name does not resolve). */
  offered: boolean;
  /** Successful assessments, newest first, at most ASSESSMENTS_KEPT of them. */
  assessments: AppAssessmentInfo[];
  successfulCount: number;
}

export const ASSESSMENTS_KEPT = 20;

export const appAssessments = defineDataset<AppAssessmentsEvidence>({
  id: 'resiliencehub.assessments',
  scope: 'regional',
  actions: ['resiliencehub:ListAppAssessments'],
});
