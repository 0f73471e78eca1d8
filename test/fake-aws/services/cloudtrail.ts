// AWS CloudTrail (awsJson 1.1): the trails a region sees (its own, plus multi-region and organization
// trails homed elsewhere), each trail's status in its home region (a member account reading its
// organization's trail gets TrailNotFoundException, as AWS answers), and LookupEvents over the
// AssumeRole events of the scenario.

import { randomUUID } from 'node:crypto';
import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, requiredString } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface TrailSpec {
  name: string;
  homeRegion: string;
  multiRegion?: boolean;
  /** An organization trail of the management account: member accounts see it, but cannot read its status. */
  organization?: boolean;
  /** Default true. */
  logging?: boolean;
  bucket?: string;
}

export interface AssumeRoleEventSpec {
  when: When;
  /** The role or user that called AssumeRole. */
  caller: string;
  roleArn: string;
  externalId?: string;
}

declare module '../scenario.js' {
  interface AccountSpec {
    trails?: TrailSpec[];
    /** Logged in the region they name (default us-east-1). */
    assumeRoleEvents?: (AssumeRoleEventSpec & { region?: string })[];
  }
}

interface VisibleTrail {
  owner: string;
  spec: TrailSpec;
}

function trailArn(owner: string, spec: TrailSpec): string {
  return `arn:aws:cloudtrail:${spec.homeRegion}:${owner}:trail/${spec.name}`;
}

/** The account's own trails and its organization's trails (from the management account), as this region sees them. */
function visibleTrails(ctx: HandlerContext): VisibleTrail[] {
  const own = (ctx.account.trails ?? []).map((spec) => ({ owner: ctx.account.id, spec }));
  const management = ctx.scenario.accounts.find((a) => a.id === ctx.scenario.managementAccountId);
  const organization =
    management && management.id !== ctx.account.id ? (management.trails ?? []).filter((t) => t.organization).map((spec) => ({ owner: management.id, spec })) : [];
  return [...own, ...organization].filter(({ spec }) => spec.homeRegion === ctx.region || spec.multiRegion || spec.organization);
}

function describeTrails(ctx: HandlerContext): unknown {
  return {
    trailList: visibleTrails(ctx).map(({ owner, spec }) => ({
      Name: spec.name,
      TrailARN: trailArn(owner, spec),
      HomeRegion: spec.homeRegion,
      IsMultiRegionTrail: spec.multiRegion ?? spec.organization ?? false,
      IsOrganizationTrail: spec.organization ?? false,
      S3BucketName: spec.bucket ?? `${spec.name}-logs`,
      IncludeGlobalServiceEvents: true,
      LogFileValidationEnabled: true,
      HasCustomEventSelectors: false,
      HasInsightSelectors: false,
    })),
  };
}

function getTrailStatus(ctx: HandlerContext): unknown {
  const name = requiredString(ctx.input.json.Name, 'name');
  const found = visibleTrails(ctx).find(({ owner, spec }) => trailArn(owner, spec) === name || spec.name === name);
  if (!found || found.owner !== ctx.account.id) {
    throw new FakeAwsError('TrailNotFoundException', 400, `Unknown trail: ${name} for the user: ${ctx.account.id}`);
  }
  const logging = found.spec.logging ?? true;
  return {
    IsLogging: logging,
    LatestDeliveryTime: epochSeconds(new Date(ctx.now.getTime() - 600_000)),
    ...(logging ? { StartLoggingTime: epochSeconds(new Date('2025-01-01T00:00:00Z')) } : { StopLoggingTime: epochSeconds(new Date('2026-01-01T00:00:00Z')) }),
  };
}

function lookupEvents(ctx: HandlerContext): unknown {
  const attributes = (ctx.input.json.LookupAttributes as { AttributeKey?: string; AttributeValue?: string }[] | undefined) ?? [];
  const wantsAssumeRole = attributes.some((a) => a.AttributeKey === 'EventName' && a.AttributeValue === 'AssumeRole');
  const start = typeof ctx.input.json.StartTime === 'number' ? new Date(ctx.input.json.StartTime * 1000) : new Date(0);
  const events = wantsAssumeRole
    ? (ctx.account.assumeRoleEvents ?? [])
        .filter((e) => (e.region ?? 'us-east-1') === ctx.region)
        .map((e) => ({ ...e, at: resolveWhen(e.when, ctx.now) }))
        .filter((e) => e.at >= start)
        .sort((a, b) => b.at.getTime() - a.at.getTime())
    : [];
  const page = paginate(events, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 50, 'InvalidNextTokenException');
  return {
    Events: page.items.map((e) => {
      const eventId = randomUUID();
      const record = {
        eventVersion: '1.08',
        userIdentity: { type: 'AssumedRole', arn: e.caller, accountId: ctx.account.id, sessionContext: { sessionIssuer: { type: 'Role', arn: e.caller } } },
        eventTime: e.at.toISOString(),
        eventSource: 'sts.amazonaws.com',
        eventName: 'AssumeRole',
        awsRegion: ctx.region,
        requestParameters: { roleArn: e.roleArn, roleSessionName: 'product', ...(e.externalId && { externalId: e.externalId }) },
        eventID: eventId,
        readOnly: true,
        eventType: 'AwsApiCall',
        recipientAccountId: ctx.account.id,
      };
      return { EventId: eventId, EventName: 'AssumeRole', ReadOnly: 'true', EventTime: epochSeconds(e.at), EventSource: 'sts.amazonaws.com', CloudTrailEvent: JSON.stringify(record) };
    }),
    NextToken: page.nextToken,
  };
}

export const cloudTrail = defineService({
  signingName: 'cloudtrail',
  actionPrefix: 'cloudtrail',
  protocol: awsJson('CloudTrail_20131101'),
  operations: { DescribeTrails: describeTrails, GetTrailStatus: getTrailStatus, LookupEvents: lookupEvents },
});
