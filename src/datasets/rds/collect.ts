import type * as SdkRds from '@aws-sdk/client-rds';
import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, required, tagMap } from '../sdk.js';
import { databases, type DbClusterInfo, type DbInstanceInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { paginateDescribeDBClusters, paginateDescribeDBInstances, RDSClient } = sdkModule<typeof SdkRds>('@aws-sdk/client-rds');

/** The largest page DescribeDBInstances and DescribeDBClusters accept; a fresh input each time, as paginators write their marker into it. */
const page = () => ({ MaxRecords: 100 });

function toInstance(db: DBInstance): DbInstanceInfo {
  return {
    identifier: required(db.DBInstanceIdentifier, 'DBInstanceIdentifier'),
    arn: required(db.DBInstanceArn, 'DBInstanceArn'),
    engine: required(db.Engine, 'Engine'),
    status: db.DBInstanceStatus,
    backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
    multiAz: db.MultiAZ ?? false,
    publiclyAccessible: db.PubliclyAccessible ?? false,
    storageEncrypted: db.StorageEncrypted ?? false,
    availabilityZone: db.AvailabilityZone,
    secondaryAvailabilityZone: db.SecondaryAvailabilityZone,
    clusterIdentifier: db.DBClusterIdentifier,
    readReplicaSourceIdentifier: db.ReadReplicaSourceDBInstanceIdentifier,
    tags: tagMap(db.TagList),
  };
}

function toCluster(cluster: DBCluster): DbClusterInfo {
  return {
    identifier: required(cluster.DBClusterIdentifier, 'DBClusterIdentifier'),
    arn: required(cluster.DBClusterArn, 'DBClusterArn'),
    engine: required(cluster.Engine, 'Engine'),
    status: cluster.Status,
    backupRetentionPeriod: cluster.BackupRetentionPeriod,
    multiAz: cluster.MultiAZ ?? false,
    storageEncrypted: cluster.StorageEncrypted ?? false,
    availabilityZones: cluster.AvailabilityZones ?? [],
    tags: tagMap(cluster.TagList),
  };
}

const collectDatabases = defineCollector(databases, async (ctx) => {
  const client = ctx.clients.get(RDSClient);
  const [instances, clusters] = await Promise.all([
    collectPages(paginateDescribeDBInstances({ client }, page()), (out) => out.DBInstances),
    collectPages(paginateDescribeDBClusters({ client }, page()), (out) => out.DBClusters),
  ]);
  return { instances: instances.map(toInstance), clusters: clusters.map(toCluster) };
});

export const COLLECTORS = [collectDatabases];
