// Resource Groups Tagging API datasets: the tags of resources whose own dataset does not record
// them (Lambda functions, load balancers), for the infrastructure-as-code check. The collector is in
// collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

/** The resource types read, as GetResources names them (Classic and v2 load balancers share one). */
export const TAGGED_RESOURCE_TYPES = ['lambda:function', 'elasticloadbalancing:loadbalancer'] as const;

export interface TaggedResourcesEvidence {
  resourceTypes: string[];
  /** Tags by resource ARN. GetResources lists only resources that carry (or once carried) a tag: absent means untagged. */
  tagsByArn: Record<string, Record<string, string>>;
}

export const taggedResources = defineDataset<TaggedResourcesEvidence>({
  id: 'tagging.resources',
  scope: 'regional',
  actions: ['tag:GetResources'],
});
