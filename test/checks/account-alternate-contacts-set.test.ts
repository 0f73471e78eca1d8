import check from '../../checks/account-alternate-contacts-set.js';
import { contact, contacts } from '../helpers/fixtures/account.js';
import { accountInput, ACCOUNT } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const root = `arn:aws:iam::${ACCOUNT}:root`;

runCheckCases(check, [
  {
    name: 'all three contacts set: pass, listing them',
    input: accountInput({ data: { contacts: contacts(contact('BILLING'), contact('OPERATIONS'), contact('SECURITY')) } }),
    expected: [{ status: 'PASS', messageId: 'allSet', resource: root, params: { contacts: 'BILLING billing@example.com, OPERATIONS operations@example.com, SECURITY security@example.com' } }],
  },
  {
    name: 'one missing type fails on its own',
    input: accountInput({ data: { contacts: contacts(contact('BILLING'), contact('OPERATIONS')) } }),
    expected: [{ status: 'FAIL', messageId: 'missing', resource: `${root}/alternate-contact/SECURITY`, params: { type: 'SECURITY' } }],
  },
  {
    name: 'no contacts at all: one failure per type',
    input: accountInput({ data: { contacts: contacts() } }),
    expected: ['BILLING', 'OPERATIONS', 'SECURITY'].map((type) => ({
      status: 'FAIL' as const,
      messageId: 'missing',
      resource: `${root}/alternate-contact/${type}`,
      params: { type },
    })),
  },
]);
