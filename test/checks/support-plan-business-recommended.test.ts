import check from '../../checks/support-plan-business-recommended.js';
import { supportPlan } from '../helpers/fixtures/compute.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const account = `arn:aws:iam::${ACCOUNT}:root`;

runCheckCases(check, [
  {
    name: 'a Business-level plan passes and lists its severity levels',
    input: accountInput({ data: { plan: supportPlan(['low', 'normal', 'high', 'urgent']) } }),
    expected: [{ status: 'PASS', messageId: 'paidPlan', resource: account, params: { levels: 'low, normal, high, urgent' } }],
  },
  {
    name: 'a plan offering the critical severity passes as Enterprise-class',
    input: accountInput({ data: { plan: supportPlan(['low', 'normal', 'high', 'urgent', 'critical']) } }),
    expected: [{ status: 'PASS', messageId: 'paidPlanWithCritical', resource: account }],
  },
  {
    name: 'Basic or Developer warns, never fails: the FTR accepts an attested action plan',
    input: accountInput({ data: { plan: supportPlan('unsubscribed') } }),
    expected: [{ status: 'WARN', messageId: 'basicOrDeveloper', resource: account }],
  },
]);
