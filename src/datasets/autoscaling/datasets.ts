// Amazon EC2 Auto Scaling datasets: the evidence shapes checks read and the declarations. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface AutoScalingGroupInfo {
  name: string;
  arn: string;
  availabilityZones: string[];
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  tags: Record<string, string>;
}

export interface AutoScalingGroupsEvidence {
  groups: AutoScalingGroupInfo[];
}

export const autoScalingGroups = defineDataset<AutoScalingGroupsEvidence>({
  id: 'autoscaling.groups',
  scope: 'regional',
  actions: ['autoscaling:DescribeAutoScalingGroups'],
});
