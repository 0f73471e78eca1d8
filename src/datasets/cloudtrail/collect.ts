import { createHash } from 'node:crypto';
import type * as SdkCloudtrail from '@aws-sdk/client-cloudtrail';
import type { Event, Trail as SdkTrail } from '@aws-sdk/client-cloudtrail';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { assumeRoleEvents, cloudTrailTrails, type AssumeRoleEvent, type Trail } from './datasets.js';
import { isErrorNamed, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  LookupEventsCommand,
} = sdkModule<typeof SdkCloudtrail>('@aws-sdk/client-cloudtrail');
type CloudTrailClient = SdkCloudtrail.CloudTrailClient;

/** What a member account gets for its organization's trail. https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html */
const MEMBER_CANNOT_READ = ['TrailNotFoundException', 'CloudTrailARNInvalidException'];

async function statusOf(client: CloudTrailClient, arn: string): Promise<Pick<Trail, 'status' | 'statusUnreadable'>> {
  try {
    // By ARN: a shadow or organization trail is not found by its name.
    const out = await client.send(new GetTrailStatusCommand({ Name: arn }));
    return {
      status: {
        isLogging: out.IsLogging === true,
        ...(out.LatestDeliveryTime && { latestDeliveryTime: isoDate(out.LatestDeliveryTime) }),
        ...(out.LatestDeliveryError && { latestDeliveryError: out.LatestDeliveryError }),
      },
    };
  } catch (err) {
    const code = MEMBER_CANNOT_READ.find((name) => isErrorNamed(err, name));
    if (code) return { statusUnreadable: code };
    throw err;
  }
}

async function toTrail(ctx: CollectContext, client: CloudTrailClient, trail: SdkTrail): Promise<Trail> {
  const arn = required(trail.TrailARN, 'Trail.TrailARN');
  const homeRegion = required(trail.HomeRegion, 'Trail.HomeRegion');
  return {
    name: required(trail.Name, 'Trail.Name'),
    arn,
    homeRegion,
    multiRegion: trail.IsMultiRegionTrail === true,
    organization: trail.IsOrganizationTrail === true,
    ...(trail.S3BucketName && { s3BucketName: trail.S3BucketName }),
    ...(trail.CloudWatchLogsLogGroupArn && { cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn }),
    // A trail's logging status is read once, where it lives.
    ...(homeRegion === ctx.region ? await statusOf(client, arn) : {}),
  };
}

const collectTrails = defineCollector(cloudTrailTrails, async (ctx) => {
  const client = ctx.clients.get(CloudTrailClient);
  // Shadow trails included (the default): multi-region and organization trails of other home regions.
  const { trailList } = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
  return { trails: await Promise.all((trailList ?? []).map((trail) => toTrail(ctx, client, trail))) };
});

const WINDOW_DAYS = 30;
/** 20 pages of 50 events: 1,000 role assumptions, the newest first. */
const MAX_PAGES = 20;
/** LookupEvents allows 2 calls per second per account and region. https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html */
const PAGE_INTERVAL_MS = 500;

const ACCOUNT_OF_ROLE = /^arn:[\w-]+:iam::(\d{12}):role\//;

interface RecordFields {
  userIdentity?: { type?: string; arn?: string; sessionContext?: { sessionIssuer?: { arn?: string } } };
  requestParameters?: { roleArn?: string; externalId?: string };
  errorCode?: string;
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/**
 * A role assumption into another account by a user or role, from the event's CloudTrail record.
 * The external ID is `requestParameters.externalId`, as AssumeRole's parameters are logged.
 */
function crossAccountAssumption(event: Event, accountId: string): AssumeRoleEvent | undefined {
  const record = JSON.parse(event.CloudTrailEvent ?? '{}') as RecordFields;
  const identity = record.userIdentity ?? {};
  const roleArn = record.requestParameters?.roleArn;
  const targetAccount = roleArn ? ACCOUNT_OF_ROLE.exec(roleArn)?.[1] : undefined;
  if (!roleArn || !targetAccount || targetAccount === accountId || identity.type === 'AWSService') return undefined;
  const callerArn = identity.sessionContext?.sessionIssuer?.arn ?? identity.arn;
  if (!callerArn) return undefined;
  const externalId = record.requestParameters?.externalId;
  return {
    eventId: required(event.EventId, 'Event.EventId'),
    time: required(isoDate(event.EventTime), 'Event.EventTime'),
    callerArn,
    roleArn,
    targetAccount,
    externalId: Boolean(externalId),
    ...(externalId && { externalIdHash: shortHash(externalId) }),
    ...(record.errorCode && { errorCode: record.errorCode }),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const collectAssumeRoleEvents = defineCollector(assumeRoleEvents, async (ctx) => {
  const client = ctx.clients.get(CloudTrailClient);
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  const events: AssumeRoleEvent[] = [];
  let scanned = 0;
  let oldest: string | undefined;
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    if (page > 0) await pause(PAGE_INTERVAL_MS);
    const out = await client.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }], StartTime: since, MaxResults: 50, NextToken }),
    );
    for (const event of out.Events ?? []) {
      scanned++;
      oldest = isoDate(event.EventTime) ?? oldest;
      const assumption = crossAccountAssumption(event, ctx.accountId);
      if (assumption) events.push(assumption);
    }
    NextToken = out.NextToken;
    if (!NextToken) return { since: since.toISOString(), scanned, complete: true, events };
  }
  return { since: since.toISOString(), scanned, complete: false, ...(oldest && { oldestScanned: oldest }), events };
});

export const COLLECTORS = [collectTrails, collectAssumeRoleEvents];
