import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { databases } from '../../src/datasets/rds/datasets.js';
import { awsError, collect, testContext } from './context.js';

const rds = mockClient(RDSClient);
beforeEach(() => rds.reset());

describe('rds.databases', () => {
  it('pages instances and clusters with MaxRecords 100 (a fresh input per collection) and keeps the flags checks read', async () => {
    rds
      .on(DescribeDBInstancesCommand)
      .resolvesOnce({ DBInstances: [{ DBInstanceIdentifier: 'a', DBInstanceArn: 'arn:a', Engine: 'postgres', BackupRetentionPeriod: 0, PubliclyAccessible: true, StorageEncrypted: false, MultiAZ: false }], Marker: 'm' })
      .resolvesOnce({ DBInstances: [{ DBInstanceIdentifier: 'b', DBInstanceArn: 'arn:b', Engine: 'aurora-mysql', DBClusterIdentifier: 'c', StorageEncrypted: true, MultiAZ: false, BackupRetentionPeriod: 1, TagList: [{ Key: 'ManagedBy', Value: 'terraform' }] }] });
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [{ DBClusterIdentifier: 'c', DBClusterArn: 'arn:c', Engine: 'aurora-mysql', MultiAZ: true, StorageEncrypted: true, AvailabilityZones: ['eu-west-1a'], TagList: [{ Key: 'aws:cloudformation:stack-id', Value: 'arn:aws:cloudformation:eu-west-1:1:stack/db/1' }] }] });
    const evidence = await collect(databases, testContext());
    expect(evidence.instances).toEqual([
      expect.objectContaining({ identifier: 'a', backupRetentionPeriod: 0, publiclyAccessible: true, storageEncrypted: false }),
      expect.objectContaining({ identifier: 'b', clusterIdentifier: 'c', tags: { ManagedBy: 'terraform' } }),
    ]);
    expect(evidence.clusters).toEqual([{ identifier: 'c', arn: 'arn:c', engine: 'aurora-mysql', multiAz: true, storageEncrypted: true, availabilityZones: ['eu-west-1a'], backupRetentionPeriod: undefined, status: undefined, tags: { 'aws:cloudformation:stack-id': 'arn:aws:cloudformation:eu-west-1:1:stack/db/1' } }]);
    const calls = rds.commandCalls(DescribeDBInstancesCommand);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.args[0].input.MaxRecords === 100)).toBe(true);
  });

  it('starts every collection from the first page', async () => {
    rds.on(DescribeDBInstancesCommand).resolvesOnce({ DBInstances: [], Marker: 'm' }).resolves({ DBInstances: [] });
    rds.on(DescribeDBClustersCommand).resolves({});
    await collect(databases, testContext());
    await collect(databases, testContext('us-east-1'));
    // The paginator writes the marker into its input (the first call's object reads 'm' afterwards); the second collection starts clean.
    expect(rds.commandCalls(DescribeDBInstancesCommand).map((c) => c.args[0].input.Marker)).toEqual(['m', 'm', undefined]);
  });

  it('lets a refusal propagate', async () => {
    rds.on(DescribeDBInstancesCommand).rejects(awsError('AccessDenied'));
    rds.on(DescribeDBClustersCommand).resolves({});
    await expect(collect(databases, testContext())).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
