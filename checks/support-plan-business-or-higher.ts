import { supportPlan } from '../src/datasets/support/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { PAID_PLAN_MESSAGES, paidPlanOutcome, planEvidence } from './lib/support-plan.js';

export default defineCheck({
  id: 'support-plan-business-or-higher',
  title: 'The account has Business Support or higher',
  description:
    'Calls Support DescribeSeverityLevels in us-east-1. An answer means a paid plan at Business level or higher; the severity levels are kept ' +
    'as evidence (a "critical" level means an Enterprise-class plan). SubscriptionRequiredException means the Basic or Developer plan. ' +
    'Any other error, AccessDenied included, is an error, never a pass. Partner-Led Support is invisible here and is attested.',
  requirements: { 'smb-competency': ['SUP-001'] },
  severity: 'high',
  scope: 'account',
  uses: { plan: supportPlan },
  remediation:
    'Subscribe the account to Business Support or higher (AWS Support Center > Support plans > Change plan), or attest Partner-Led Support ' +
    'with its contract reference. The audit role needs support:DescribeSeverityLevels, which SecurityAudit and ViewOnlyAccess do not grant.',
  docsUrl: 'https://docs.aws.amazon.com/awssupport/latest/user/aws-support-plans.html',
  messages: {
    ...PAID_PLAN_MESSAGES,
    basicOrDeveloper: 'Support answered SubscriptionRequiredException: the account is on the Basic or Developer plan, below Business.',
  },
  evaluate: (input) => {
    const { plan } = input.data;
    if (plan.subscribed) return [paidPlanOutcome(plan, input)];
    return [{ status: 'FAIL', messageId: 'basicOrDeveloper', resource: accountArn(input), evidence: planEvidence(plan) }];
  },
});
