// Amazon Data Lifecycle Manager datasets: the evidence shapes checks read and the declarations. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface LifecyclePolicyInfo {
  policyId: string;
  arn?: string;
  description?: string;
  /** ENABLED, DISABLED or ERROR. */
  state: string;
  /** EBS_SNAPSHOT_MANAGEMENT, IMAGE_MANAGEMENT or EVENT_BASED_POLICY (which only copies snapshots shared with the account). */
  policyType?: string;
  /** VOLUME or INSTANCE: what the policy snapshots (an INSTANCE policy covers every volume attached to the instance). */
  resourceTypes: string[];
  /** Custom policies target resources that carry any one of these tags. */
  targetTags: { key: string; value: string }[];
  /** A default policy targets every volume or instance of the region, except its exclusions. */
  defaultPolicy: boolean;
  exclusions?: { excludeBootVolumes?: boolean; excludeVolumeTypes?: string[]; excludeTags?: { key: string; value: string }[] };
}

export interface LifecyclePoliciesEvidence {
  policies: LifecyclePolicyInfo[];
}

export const lifecyclePolicies = defineDataset<LifecyclePoliciesEvidence>({
  id: 'dlm.policies',
  scope: 'regional',
  actions: ['dlm:GetLifecyclePolicies', 'dlm:GetLifecyclePolicy'],
});
