import check from '../../checks/rds-instances-multi-az.js';
import { dbCluster, dbInstance } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const dbs = (instances: ReturnType<typeof dbInstance>[], clusters: ReturnType<typeof dbCluster>[] = []) => input({ data: { databases: { instances, clusters } } });

runCheckCases(check, [
  {
    name: 'single-AZ: WARN; Multi-AZ, Aurora, DocumentDB and Multi-AZ DB cluster members: PASS',
    input: dbs(
      [
        dbInstance('single'),
        dbInstance('standby', { multiAz: true, secondaryAvailabilityZone: 'eu-west-1b' }),
        dbInstance('aurora-1', { engine: 'aurora-mysql', clusterIdentifier: 'aurora' }),
        dbInstance('docs-1', { engine: 'docdb', clusterIdentifier: 'docs' }),
        dbInstance('maz-1', { engine: 'postgres', clusterIdentifier: 'maz' }),
        dbInstance('lone-member', { engine: 'mysql', clusterIdentifier: 'single-zone-cluster' }),
      ],
      [dbCluster('maz', { engine: 'postgres', multiAz: true }), dbCluster('single-zone-cluster', { engine: 'mysql', multiAz: false })],
    ),
    expected: [
      { status: 'WARN', messageId: 'singleAz', resource: dbInstance('single').arn, params: { zone: 'eu-west-1a' } },
      { status: 'PASS', messageId: 'multiAz', resource: dbInstance('standby').arn, params: { how: 'is Multi-AZ, with a standby in eu-west-1b' } },
      { status: 'PASS', messageId: 'multiAz', resource: dbInstance('aurora-1').arn, params: { how: 'is a member of cluster aurora, whose storage spans three Availability Zones' } },
      { status: 'PASS', messageId: 'multiAz', resource: dbInstance('docs-1').arn },
      { status: 'PASS', messageId: 'multiAz', resource: dbInstance('maz-1').arn, params: { how: 'is a member of Multi-AZ DB cluster maz' } },
      { status: 'WARN', messageId: 'singleAz', resource: dbInstance('lone-member').arn },
    ],
  },
  {
    name: 'no databases: NOT_APPLICABLE',
    input: dbs([]),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noDatabases', resource: 'arn:aws:rds:eu-west-1:111122223333:db' }],
  },
]);
