// Support (awsJson 1.1): DescribeSeverityLevels answers by plan; Basic and Developer plans get
// SubscriptionRequiredException.

import { FakeAwsError } from '../errors.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export type SupportPlan = 'basic' | 'developer' | 'business' | 'enterprise-on-ramp' | 'enterprise';

declare module '../scenario.js' {
  interface AccountSpec {
    supportPlan?: SupportPlan;
  }
}

const LEVELS: Record<SupportPlan, string[]> = {
  basic: [],
  developer: [],
  business: ['low', 'normal', 'high', 'urgent'],
  'enterprise-on-ramp': ['low', 'normal', 'high', 'urgent', 'critical'],
  enterprise: ['low', 'normal', 'high', 'urgent', 'critical'],
};

const NAMES: Record<string, string> = {
  low: 'General guidance', normal: 'System impaired', high: 'Production system impaired',
  urgent: 'Production system down', critical: 'Business-critical system down',
};

export function requirePaidPlan(ctx: HandlerContext, message: string): void {
  const plan = ctx.account.supportPlan ?? 'basic';
  if (plan === 'basic' || plan === 'developer') throw new FakeAwsError('SubscriptionRequiredException', 400, message);
}

function describeSeverityLevels(ctx: HandlerContext): unknown {
  requirePaidPlan(ctx, 'AWS Premium Support Subscription is required to use this service.');
  const codes = LEVELS[ctx.account.supportPlan ?? 'basic'];
  return { severityLevels: codes.map((code) => ({ code, name: NAMES[code] })) };
}

export const support = defineService({
  signingName: 'support',
  actionPrefix: 'support',
  protocol: awsJson('AWSSupport_20130415'),
  global: true,
  operations: { DescribeSeverityLevels: describeSeverityLevels },
});
