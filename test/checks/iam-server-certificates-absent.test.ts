import check from '../../checks/iam-server-certificates-absent.js';
import { ACCOUNT, accountInput, settings } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const cert = (name: string, expiration: string) => ({ name, arn: `arn:aws:iam::${ACCOUNT}:server-certificate/${name}`, expiration });

runCheckCases(check, [
  {
    name: 'no server certificates: nothing to judge',
    input: accountInput({ data: { certificates: { certificates: [] } } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'none', resource: `arn:aws:iam::${ACCOUNT}:root` }],
  },
  {
    name: 'far from expiry warns (never renewed); within 30 days fails; expired fails',
    input: accountInput({
      data: {
        certificates: {
          certificates: [cert('far', '2027-11-23T12:00:00.000Z'), cert('soon', '2026-12-13T12:00:00.000Z'), cert('gone', '2026-11-01T00:00:00.000Z')],
        },
      },
    }),
    expected: [
      { status: 'WARN', messageId: 'notRenewed', resource: cert('far', '').arn, params: { days: 365 } },
      { status: 'FAIL', messageId: 'expiring', resource: cert('soon', '').arn, params: { days: 20, minDays: 30 } },
      { status: 'FAIL', messageId: 'expiring', resource: cert('gone', '').arn, params: { days: -23 } },
    ],
  },
  {
    name: 'acm.minDaysToExpiry moves the line',
    input: accountInput({ settings: settings({ acm: { minDaysToExpiry: 10 } }), data: { certificates: { certificates: [cert('soon', '2026-12-13T12:00:00.000Z')] } } }),
    expected: [{ status: 'WARN', messageId: 'notRenewed', resource: cert('soon', '').arn }],
  },
]);
