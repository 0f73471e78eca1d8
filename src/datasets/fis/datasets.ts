// AWS Fault Injection Service datasets: the evidence shapes checks read and the declarations. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ExperimentActionInfo {
  /** The action's name in the experiment template. */
  name: string;
  /** e.g. `aws:ec2:stop-instances`, `aws:network:disrupt-connectivity`. */
  actionId: string;
  parameters: Record<string, string>;
  /** Target role → target name. */
  targets: Record<string, string>;
  status?: string;
}

export interface ExperimentTargetInfo {
  name: string;
  resourceType?: string;
  /** Filters on resource attributes, e.g. `Placement.AvailabilityZone`. */
  filters: { path: string; values: string[] }[];
  parameters: Record<string, string>;
  resourceTags: Record<string, string>;
  /** How many resources the template names by ARN (the ARNs are not kept). */
  resourceArnCount: number;
}

export interface ExperimentInfo {
  id: string;
  templateId?: string;
  status: string;
  creationTime?: string;
  startTime?: string;
  endTime?: string;
  actions: ExperimentActionInfo[];
  targets: ExperimentTargetInfo[];
}

export interface ExperimentsEvidence {
  /** False where AWS offers no FIS endpoint in the region (its host name does not resolve). */
  offered: boolean;
  /** Completed experiments created since `since`, described in full. */
  completed: ExperimentInfo[];
  /** Experiments in any other state, or older, by status. */
  otherCount: number;
  since: string;
}

export const experiments = defineDataset<ExperimentsEvidence>({
  id: 'fis.experiments',
  scope: 'regional',
  actions: ['fis:ListExperiments', 'fis:GetExperiment'],
});
