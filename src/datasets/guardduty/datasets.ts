// Amazon GuardDuty datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface GuardDutyFeature {
  /** RUNTIME_MONITORING, EKS_RUNTIME_MONITORING, S3_DATA_EVENTS, ... */
  name: string;
  status: string;
  /** EC2_AGENT_MANAGEMENT, ECS_FARGATE_AGENT_MANAGEMENT, EKS_ADDON_MANAGEMENT, ... */
  additional: { name: string; status: string }[];
}

export interface GuardDutyDetector {
  detectorId: string;
  arn: string;
  status: string;
  administrator?: { accountId: string; relationshipStatus: string };
  /** The detector's protection plans, as GetDetector lists them (absent from answers that list none). */
  features?: GuardDutyFeature[];
}

export interface GuardDutyEvidence {
  detectors: GuardDutyDetector[];
}

export const guardDutyDetectors = defineDataset<GuardDutyEvidence>({
  id: 'guardduty.detectors',
  scope: 'regional',
  actions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetAdministratorAccount'],
});

/** GuardDuty's runtime agents watch processes and files on EC2, ECS and EKS: either feature turns them on. */
export const RUNTIME_MONITORING_FEATURES = ['RUNTIME_MONITORING', 'EKS_RUNTIME_MONITORING'] as const;

export interface RuntimeCoverage {
  detectorId: string;
  /** Resources whose runtime agent reports, and those whose agent does not. */
  healthy: number;
  unhealthy: number;
  /** Covered resources by type: EC2, ECS, EKS. */
  byResourceType: Record<string, number>;
}

export interface RuntimeCoverageEvidence {
  /** One entry per enabled detector that runs Runtime Monitoring. */
  coverage: RuntimeCoverage[];
}

export const guardDutyRuntimeCoverage = defineDataset<RuntimeCoverageEvidence>({
  id: 'guardduty.runtimeCoverage',
  scope: 'regional',
  actions: ['guardduty:GetCoverageStatistics'],
  dependsOn: [guardDutyDetectors],
});

/** Whether a detector runs Runtime Monitoring (or EKS Runtime Monitoring). */
export function runsRuntimeMonitoring(detector: GuardDutyDetector): boolean {
  return detector.status === 'ENABLED' && (detector.features ?? []).some((f) => (RUNTIME_MONITORING_FEATURES as readonly string[]).includes(f.name) && f.status === 'ENABLED');
}
