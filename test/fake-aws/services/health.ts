// AWS Health (awsJson 1.1): DescribeEvents (paid plans only) and the organizational view status.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';
import { requirePaidPlan } from './support.js';

export interface HealthSpec {
  events?: {
    eventTypeCode: string;
    service?: string;
    statusCode?: 'open' | 'closed' | 'upcoming';
    region?: string;
    category?: string;
    start: When;
  }[];
}

declare module '../scenario.js' {
  interface AccountSpec {
    health?: HealthSpec;
  }
}

const SUBSCRIPTION_MESSAGE = 'The AWS Health API requires a Business, Enterprise On-Ramp, or Enterprise Support plan.';

interface EventFilter {
  services?: string[];
  eventStatusCodes?: string[];
  eventTypeCodes?: string[];
  eventTypeCategories?: string[];
}

function describeEvents(ctx: HandlerContext): unknown {
  requirePaidPlan(ctx, SUBSCRIPTION_MESSAGE);
  const filter = (ctx.input.json.filter ?? {}) as EventFilter;
  const events = (ctx.account.health?.events ?? [])
    .map((e) => ({
      arn: `arn:aws:health:global::event/${e.service ?? 'RISK'}/${e.eventTypeCode}/${e.eventTypeCode}_${ctx.account.id}`,
      service: e.service ?? 'RISK',
      eventTypeCode: e.eventTypeCode,
      eventTypeCategory: e.category ?? 'issue',
      region: e.region ?? 'global',
      startTime: epochSeconds(resolveWhen(e.start, ctx.now)),
      lastUpdatedTime: epochSeconds(resolveWhen(e.start, ctx.now)),
      statusCode: e.statusCode ?? 'open',
      eventScopeCode: 'ACCOUNT_SPECIFIC',
    }))
    .filter((e) => !filter.services || filter.services.includes(e.service))
    .filter((e) => !filter.eventStatusCodes || filter.eventStatusCodes.includes(e.statusCode))
    .filter((e) => !filter.eventTypeCodes || filter.eventTypeCodes.includes(e.eventTypeCode))
    .filter((e) => !filter.eventTypeCategories || filter.eventTypeCategories.includes(e.eventTypeCategory));
  const page = paginate(events, ctx.input.json.nextToken, optionalNumber(ctx.input.json.maxResults) ?? 10, 'InvalidPaginationToken');
  return { events: page.items, nextToken: page.nextToken };
}

function describeHealthServiceStatusForOrganization(ctx: HandlerContext): unknown {
  requirePaidPlan(ctx, SUBSCRIPTION_MESSAGE);
  const org = ctx.scenario.organization;
  const admins = org?.delegatedAdministrators?.filter((d) => d.servicePrincipal === 'health.amazonaws.com').map((d) => d.accountId) ?? [];
  if (!org || (ctx.account.id !== ctx.scenario.managementAccountId && !admins.includes(ctx.account.id))) {
    throw new FakeAwsError('AccessDeniedException', 400, 'Only the management account or a delegated administrator can call this operation.');
  }
  return { healthServiceAccessStatusForOrganization: org.healthOrganizationView ?? 'DISABLED' };
}

export const health = defineService({
  signingName: 'health',
  actionPrefix: 'health',
  protocol: awsJson('AWSHealth_20160804'),
  global: true,
  operations: {
    DescribeEvents: describeEvents,
    DescribeHealthServiceStatusForOrganization: describeHealthServiceStatusForOrganization,
  },
});
