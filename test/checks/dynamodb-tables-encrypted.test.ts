import check from '../../checks/dynamodb-tables-encrypted.js';
import { table } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const RESOURCE = 'arn:aws:dynamodb:eu-west-1:111122223333:table';
const tables = (...list: ReturnType<typeof table>[]) => input({ data: { tables: { tables: list } } });

runCheckCases(check, [
  {
    name: 'tables present: PASS as evidence',
    input: tables(table('orders'), table('sessions', 'DISABLED')),
    expected: [{ status: 'PASS', messageId: 'alwaysEncrypted', resource: RESOURCE, params: { count: 2, names: 'orders, sessions' } }],
  },
  {
    name: 'no tables: NOT_APPLICABLE',
    input: tables(),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noTables', resource: RESOURCE }],
  },
]);
