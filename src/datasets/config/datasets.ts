// AWS Config datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ConfigRecorder {
  name: string;
  arn?: string;
  /** Set for service-linked recorders, which do not count as the partner's guardrail. */
  servicePrincipal?: string;
  recording: boolean;
  lastStatus?: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  resourceTypes: string[];
  /** recordingGroup.recordingStrategy.useOnly, e.g. EXCLUSION_BY_RESOURCE_TYPES. */
  recordingStrategy?: string;
  /** recordingGroup.exclusionByResourceTypes.resourceTypes. */
  excludedResourceTypes?: string[];
}

export interface ConfigDeliveryChannel {
  name: string;
  snsTopicArn?: string;
  s3BucketName?: string;
}

export interface ConfigRecordersEvidence {
  recorders: ConfigRecorder[];
  deliveryChannels: ConfigDeliveryChannel[];
}

export interface ConfigRulesEvidence {
  rules: { name: string; arn: string; state: string }[];
  conformancePacks: { name: string; arn: string; state: string }[];
}

export const configRecorders = defineDataset<ConfigRecordersEvidence>({
  id: 'config.recorders',
  scope: 'regional',
  actions: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus', 'config:DescribeDeliveryChannels'],
});

export const configRules = defineDataset<ConfigRulesEvidence>({
  id: 'config.rules',
  scope: 'regional',
  // DescribeConformancePackStatus names every pack with its ARN and state, so DescribeConformancePacks adds nothing.
  actions: ['config:DescribeConfigRules', 'config:DescribeConformancePackStatus'],
});

export interface ConfigResourceCountsEvidence {
  /** False when no recorder records in the region: there is no inventory to count. */
  recording: boolean;
  total: number;
  /** Resources Config records in the region, by type (AWS::EC2::Instance, ...). */
  counts: { resourceType: string; count: number }[];
}

export const configResourceCounts = defineDataset<ConfigResourceCountsEvidence>({
  id: 'config.resourceCounts',
  scope: 'regional',
  actions: ['config:GetDiscoveredResourceCounts'],
  dependsOn: [configRecorders],
});
