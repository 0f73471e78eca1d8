import check from '../../checks/rds-storage-encrypted.js';
import { dbCluster, dbInstance } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const dbs = (instances: ReturnType<typeof dbInstance>[], clusters: ReturnType<typeof dbCluster>[] = []) => input({ data: { databases: { instances, clusters } } });

runCheckCases(check, [
  {
    name: 'clusters and standalone instances judged; cluster members through their cluster',
    input: dbs(
      [dbInstance('plain', { storageEncrypted: false }), dbInstance('safe'), dbInstance('member', { clusterIdentifier: 'open', storageEncrypted: false })],
      [dbCluster('open', { storageEncrypted: false }), dbCluster('closed')],
    ),
    expected: [
      { status: 'FAIL', messageId: 'unencrypted', resource: dbCluster('open').arn, params: { kind: 'cluster' } },
      { status: 'PASS', messageId: 'encrypted', resource: dbCluster('closed').arn },
      { status: 'FAIL', messageId: 'unencrypted', resource: dbInstance('plain').arn, params: { kind: 'instance' } },
      { status: 'PASS', messageId: 'encrypted', resource: dbInstance('safe').arn },
    ],
  },
  {
    name: 'no databases: NOT_APPLICABLE',
    input: dbs([]),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noDatabases', resource: 'arn:aws:rds:eu-west-1:111122223333:db' }],
  },
]);
