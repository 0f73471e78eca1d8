import { supportPlan } from '../src/datasets/support/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';

export default defineCheck({
  id: 'support-plan-business-or-higher',
  title: 'The account has Business Support or higher',
  description:
    'Calls Support DescribeSeverityLevels in us-east-1. An answer means a paid plan at Business level or higher; the severity levels are kept ' +
    'as evidence (a "critical" level means an Enterprise-class plan). SubscriptionRequiredException means the Basic or Developer plan. ' +
    'Any other error, AccessDenied included, is an error, never a pass. Partner-Led Support is invisible here and is attested.',
  requirements: { 'smb-competency': ['SUP-001'], 'ftr-partner-hosted': ['SUP-001'] },
  severity: 'high',
  scope: 'account',
  uses: { plan: supportPlan },
  remediation:
    'Subscribe the account to Business Support or higher (AWS Support Center > Support plans > Change plan), or attest Partner-Led Support ' +
    'with its contract reference. The audit role needs support:DescribeSeverityLevels, which SecurityAudit and ViewOnlyAccess do not grant.',
  docsUrl: 'https://docs.aws.amazon.com/awssupport/latest/user/aws-support-plans.html',
  messages: {
    paidPlan: 'The account has a paid Support plan at Business level or higher (severity levels offered: {levels}).',
    paidPlanWithCritical: 'The account has a paid Support plan that offers the critical severity, which only Enterprise-class plans do (levels: {levels}).',
    basicOrDeveloper: 'Support answered SubscriptionRequiredException: the account is on the Basic or Developer plan, below Business.',
  },
  evaluate: (input) => {
    const { plan } = input.data;
    const resource = accountArn(input);
    const evidence = { subscribed: plan.subscribed, severityCodes: plan.severityCodes };
    if (!plan.subscribed) return [{ status: 'FAIL', messageId: 'basicOrDeveloper', resource, evidence }];
    const enterpriseClass = plan.severityCodes.includes('critical');
    return [{
      status: 'PASS',
      messageId: enterpriseClass ? 'paidPlanWithCritical' : 'paidPlan',
      resource,
      params: { levels: plan.severityCodes.join(', ') || 'none listed' },
      evidence: { ...evidence, enterpriseClass },
    }];
  },
});
