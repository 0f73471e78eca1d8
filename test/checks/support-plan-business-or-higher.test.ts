import check from '../../checks/support-plan-business-or-higher.js';
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
    name: 'SubscriptionRequiredException (Basic or Developer) fails',
    input: accountInput({ data: { plan: supportPlan('unsubscribed') } }),
    expected: [{ status: 'FAIL', messageId: 'basicOrDeveloper', resource: account }],
  },
  {
    name: 'a GovCloud account gets a GovCloud ARN',
    input: accountInput({ regions: ['us-gov-west-1'], data: { plan: supportPlan(['low']) } }),
    expected: [{ status: 'PASS', messageId: 'paidPlan', resource: `arn:aws-us-gov:iam::${ACCOUNT}:root` }],
  },
]);
