// Amazon RDS datasets (DB instances and clusters, including Aurora, Neptune and DocumentDB, which
// share the RDS API): the evidence shapes checks read and the declarations. The collectors that
// fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface DbInstanceInfo {
  identifier: string;
  arn: string;
  engine: string;
  status?: string;
  /** 0 means automated backups are off. */
  backupRetentionPeriod: number;
  multiAz: boolean;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  availabilityZone?: string;
  secondaryAvailabilityZone?: string;
  /** Set for members of an Aurora, Neptune, DocumentDB or Multi-AZ DB cluster. */
  clusterIdentifier?: string;
  /** Set for read replicas: their source is what gets backed up. */
  readReplicaSourceIdentifier?: string;
  /** Absent in snapshots taken before it was collected. */
  tags?: Record<string, string>;
}

export interface DbClusterInfo {
  identifier: string;
  arn: string;
  engine: string;
  status?: string;
  backupRetentionPeriod?: number;
  /** True when the cluster has instances in several Availability Zones. */
  multiAz: boolean;
  storageEncrypted: boolean;
  availabilityZones: string[];
  /** Absent in snapshots taken before it was collected. */
  tags?: Record<string, string>;
}

export interface DatabasesEvidence {
  instances: DbInstanceInfo[];
  clusters: DbClusterInfo[];
}

export const databases = defineDataset<DatabasesEvidence>({
  id: 'rds.databases',
  scope: 'regional',
  actions: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
});
