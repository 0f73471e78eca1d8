import check from '../../checks/rds-instances-not-public.js';
import { dbInstance } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const dbs = (...instances: ReturnType<typeof dbInstance>[]) => input({ data: { databases: { instances, clusters: [] } } });

runCheckCases(check, [
  {
    name: 'publicly accessible: FAIL; private: PASS',
    input: dbs(dbInstance('legacy', { publiclyAccessible: true }), dbInstance('orders')),
    expected: [
      { status: 'FAIL', messageId: 'publiclyAccessible', resource: dbInstance('legacy').arn },
      { status: 'PASS', messageId: 'private', resource: dbInstance('orders').arn },
    ],
  },
  {
    name: 'no databases: NOT_APPLICABLE',
    input: dbs(),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noDatabases', resource: 'arn:aws:rds:eu-west-1:111122223333:db' }],
  },
]);
