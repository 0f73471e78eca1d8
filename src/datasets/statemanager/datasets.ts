// Systems Manager State Manager datasets: the associations of the region (which SSM document runs on
// which targets, on what schedule), evidence that hardening is applied automatically. The collector
// is in collect.ts beside this file. (Other SSM areas, parameters and patch states, live in ssm/.)

import { defineDataset } from '../../contract/dataset.js';

export interface AssociationInfo {
  associationId: string;
  name?: string;
  /** The SSM document the association runs, e.g. AWSEC2-ConfigureSTIG. */
  documentName: string;
  /** Targets as `Key=Value1,Value2` (e.g. `InstanceIds=*`, `tag:Role=web`); a legacy association names its instance. */
  targets: string[];
  scheduleExpression?: string;
  lastExecutionDate?: string;
  /** Success, Failed, Pending. */
  status?: string;
}

export interface AssociationsEvidence {
  associations: AssociationInfo[];
}

export const associations = defineDataset<AssociationsEvidence>({
  id: 'statemanager.associations',
  scope: 'regional',
  actions: ['ssm:ListAssociations'],
});
