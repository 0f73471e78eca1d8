import check from '../../checks/cloudtrail-product-assumes-roles.js';
import { assumption, assumptions } from '../helpers/fixtures/governance.js';
import { ASSUMPTION_CASES, caaInput, ROOT } from '../helpers/assumption-cases.js';
import { failed, ok, REGION } from '../helpers/input.js';
import { UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

runCheckCases(check, [
  {
    name: 'assumptions into outside accounts by the product (its role named without its path): PASS',
    input: caaInput({
      [REGION]: ok(assumptions([assumption({ callerArn: 'arn:aws:iam::111122223333:role/service/product' }), assumption({ eventId: 'e2', targetAccount: '999900002222', roleArn: 'arn:aws:iam::999900002222:role/r' })])),
      [UNREAD_REGION]: ok(assumptions([])),
    }),
    expected: [{ status: 'PASS', messageId: 'rolesAssumed', resource: ROOT, params: { count: 2, accounts: 2 } }],
  },
  {
    name: 'the organization\'s list unreadable: the scanned accounts count as inside',
    input: caaInput({ [REGION]: ok(assumptions([assumption()])), [UNREAD_REGION]: ok(assumptions([])) }, { organization: failed() }),
    expected: [{ status: 'PASS', messageId: 'rolesAssumed', resource: ROOT, params: { count: 1 } }],
  },
  ...ASSUMPTION_CASES,
]);
