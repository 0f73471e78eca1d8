import { supportPlan } from '../src/datasets/support/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { PAID_PLAN_MESSAGES, paidPlanOutcome, planEvidence } from './lib/support-plan.js';

export default defineCheck({
  id: 'support-plan-business-recommended',
  title: 'The account has Business Support or higher, or an attested plan for issues that need AWS Support',
  description:
    'The FTR recommends Business Support rather than requiring it. Calls Support DescribeSeverityLevels in us-east-1: an answer means a ' +
    'paid plan at Business level or higher and passes. SubscriptionRequiredException (the Basic or Developer plan) warns and is never a ' +
    'failure: the partner attests the documented plan for issues that need AWS Support, and that attestation turns the requirement ' +
    'ATTESTED. Any other error, AccessDenied included, is an error.',
  requirements: { 'ftr-partner-hosted': ['SUP-001'] },
  severity: 'medium',
  scope: 'account',
  uses: { plan: supportPlan },
  remediation:
    'Subscribe the account to Business Support or higher (AWS Support Center > Support plans > Change plan), or write down how issues that ' +
    'need AWS Support are handled on a lower plan and attest it for SUP-001. The audit role needs support:DescribeSeverityLevels.',
  docsUrl: 'https://docs.aws.amazon.com/awssupport/latest/user/aws-support-plans.html',
  messages: {
    ...PAID_PLAN_MESSAGES,
    basicOrDeveloper:
      'Support answered SubscriptionRequiredException: the account is on the Basic or Developer plan. The FTR accepts that with a plan for issues that need AWS Support: attest your action plan.',
  },
  evaluate: (input) => {
    const { plan } = input.data;
    if (plan.subscribed) return [paidPlanOutcome(plan, input)];
    return [{ status: 'WARN', messageId: 'basicOrDeveloper', resource: accountArn(input), evidence: planEvidence(plan) }];
  },
});
