// IAM Identity Center (SSO Admin API) datasets: the evidence shapes checks read and the declarations
// of the datasets. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface IdentityCenterInstance {
  arn: string;
  /** The account that owns the instance: the management (or delegated administrator) account for an organization instance. */
  ownerAccountId?: string;
  status?: string;
}

/** Identity Center instances created in or visible to the account in this region; none when it is not enabled here. */
export interface IdentityCenterInstancesEvidence {
  instances: IdentityCenterInstance[];
}

export const identityCenterInstances = defineDataset<IdentityCenterInstancesEvidence>({
  id: 'identitycenter.instances',
  scope: 'regional',
  // The SSO Admin API signs as `sso` and its IAM actions use the `sso` prefix.
  actions: ['sso:ListInstances'],
});
