// AWS Direct Connect datasets: the evidence shapes checks read and the declarations. The collectors
// that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface DirectConnectConnectionInfo {
  connectionId: string;
  name?: string;
  /** ordering, requested, pending, available, down, deleting, deleted, rejected, unknown. */
  state: string;
  location?: string;
  bandwidth?: string;
  /** Set when the connection is a member of a link aggregation group. */
  lagId?: string;
}

export interface DirectConnectConnectionsEvidence {
  connections: DirectConnectConnectionInfo[];
}

export const directConnectConnections = defineDataset<DirectConnectConnectionsEvidence>({
  id: 'directconnect.connections',
  scope: 'regional',
  actions: ['directconnect:DescribeConnections'],
});
