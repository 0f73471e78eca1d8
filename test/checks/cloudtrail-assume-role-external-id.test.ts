import check from '../../checks/cloudtrail-assume-role-external-id.js';
import { assumption, assumptions } from '../helpers/fixtures/governance.js';
import { ASSUMPTION_CASES, caaInput, ROOT } from '../helpers/assumption-cases.js';
import { ok, REGION } from '../helpers/input.js';
import { UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const VENDOR = 'arn:aws:iam::999900001111:role/vendor-access';

runCheckCases(check, [
  {
    name: 'every assumption carries an external ID: PASS counting distinct ones',
    input: caaInput({
      [REGION]: ok(assumptions([assumption(), assumption({ eventId: 'e2', externalIdHash: 'ffffffff', roleArn: 'arn:aws:iam::999900002222:role/r', targetAccount: '999900002222' })])),
      [UNREAD_REGION]: ok(assumptions([])),
    }),
    expected: [{ status: 'PASS', messageId: 'externalIdUsed', resource: ROOT, params: { count: 2, roles: 2, distinct: 2 } }],
  },
  {
    name: 'a role assumed without an external ID fails once, counting its calls',
    input: caaInput({
      [REGION]: ok(assumptions([assumption({ externalId: false, externalIdHash: undefined }), assumption({ eventId: 'e2', externalId: false, externalIdHash: undefined, time: '2026-11-22T00:00:00.000Z' })])),
      [UNREAD_REGION]: ok(assumptions([assumption({ eventId: 'e3' })])),
    }),
    expected: [{ status: 'FAIL', messageId: 'withoutExternalId', resource: VENDOR, params: { count: 2, account: '999900001111', latest: '2026-11-22' } }],
  },
  ...ASSUMPTION_CASES,
]);
