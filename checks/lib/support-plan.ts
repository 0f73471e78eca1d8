// The paid-plan finding both Support checks give (SMB SUP-001 requires Business Support, the FTR
// recommends it): an answer from DescribeSeverityLevels means Business level or higher.

import type { CheckInput, Outcome } from '../../src/contract/check.js';
import type { SupportPlanEvidence } from '../../src/datasets/support/datasets.js';
import { accountArn } from './arn.js';

export const PAID_PLAN_MESSAGES = {
  paidPlan: 'The account has a paid Support plan at Business level or higher (severity levels offered: {levels}).',
  paidPlanWithCritical: 'The account has a paid Support plan that offers the critical severity, which only Enterprise-class plans do (levels: {levels}).',
} as const;

type Input = Pick<CheckInput<unknown, unknown>, 'accountId' | 'region' | 'regions'>;

export function planEvidence(plan: SupportPlanEvidence): Record<string, unknown> {
  return { subscribed: plan.subscribed, severityCodes: plan.severityCodes };
}

/** PASS for a subscribed plan, naming an Enterprise-class one by its critical severity. */
export function paidPlanOutcome(plan: SupportPlanEvidence, input: Input): Outcome<keyof typeof PAID_PLAN_MESSAGES> {
  const enterpriseClass = plan.severityCodes.includes('critical');
  return {
    status: 'PASS',
    messageId: enterpriseClass ? 'paidPlanWithCritical' : 'paidPlan',
    resource: accountArn(input),
    params: { levels: plan.severityCodes.join(', ') || 'none listed' },
    evidence: { ...planEvidence(plan), enterpriseClass },
  };
}
