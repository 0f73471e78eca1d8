import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, LookupEventsCommand, TrailNotFoundException } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assumeRoleEvents, cloudTrailTrails } from '../../src/datasets/cloudtrail/datasets.js';
import { ACCOUNT_ID, collect, REGION, testContext } from './context.js';

const trail = mockClient(CloudTrailClient);
const ORG_TRAIL = 'arn:aws:cloudtrail:us-east-1:999988887777:trail/org';
const OWN_TRAIL = `arn:aws:cloudtrail:${REGION}:${ACCOUNT_ID}:trail/main`;

describe('cloudtrail.trails', () => {
  beforeEach(() => trail.reset());

  it('reads the status of trails homed in the region only, by ARN', async () => {
    trail.on(DescribeTrailsCommand).resolves({
      trailList: [
        { Name: 'main', TrailARN: OWN_TRAIL, HomeRegion: REGION, IsMultiRegionTrail: true, IsOrganizationTrail: false, S3BucketName: 'logs' },
        { Name: 'org', TrailARN: ORG_TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true },
      ],
    });
    trail.on(GetTrailStatusCommand, { Name: OWN_TRAIL }).resolves({ IsLogging: true, LatestDeliveryTime: new Date('2026-11-20T00:00:00Z') });
    expect(await collect(cloudTrailTrails, testContext())).toEqual({
      trails: [
        { name: 'main', arn: OWN_TRAIL, homeRegion: REGION, multiRegion: true, organization: false, s3BucketName: 'logs', status: { isLogging: true, latestDeliveryTime: '2026-11-20T00:00:00.000Z' } },
        { name: 'org', arn: ORG_TRAIL, homeRegion: 'us-east-1', multiRegion: true, organization: true },
      ],
    });
    expect(trail.commandCalls(GetTrailStatusCommand)).toHaveLength(1);
  });

  it('records an organization trail whose status a member cannot read', async () => {
    trail.on(DescribeTrailsCommand).resolves({ trailList: [{ Name: 'org', TrailARN: ORG_TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true }] });
    trail.on(GetTrailStatusCommand).rejects(new TrailNotFoundException({ message: 'Unknown trail', $metadata: {} }));
    const [org] = (await collect(cloudTrailTrails, testContext('us-east-1'))).trails;
    expect(org).toMatchObject({ statusUnreadable: 'TrailNotFoundException' });
    expect(org).not.toHaveProperty('status');
  });
});

function event(id: string, record: Record<string, unknown>, time = '2026-11-20T00:00:00Z') {
  return { EventId: id, EventName: 'AssumeRole', EventTime: new Date(time), CloudTrailEvent: JSON.stringify(record) };
}

const PRODUCT = `arn:aws:iam::${ACCOUNT_ID}:role/product`;

describe('cloudtrail.assumeRoleEvents', () => {
  beforeEach(() => trail.reset());

  it('keeps role assumptions into other accounts by users and roles, hashing the external ID', async () => {
    trail.on(LookupEventsCommand).resolves({
      Events: [
        event('e1', { userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::x:assumed-role/product/s', sessionContext: { sessionIssuer: { arn: PRODUCT } } }, requestParameters: { roleArn: 'arn:aws:iam::444455556666:role/vendor', externalId: 'secret-id' } }),
        event('e2', { userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT_ID}:user/legacy` }, requestParameters: { roleArn: 'arn:aws:iam::444455556666:role/vendor' }, errorCode: 'AccessDenied' }),
        event('e3', { userIdentity: { type: 'AWSService' }, requestParameters: { roleArn: 'arn:aws:iam::444455556666:role/x' } }),
        event('e4', { userIdentity: { type: 'AssumedRole', arn: PRODUCT }, requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/own` } }),
      ],
    });
    const data = await collect(assumeRoleEvents, testContext());
    expect(data).toMatchObject({ scanned: 4, complete: true });
    expect(data.events).toEqual([
      { eventId: 'e1', time: '2026-11-20T00:00:00.000Z', callerArn: PRODUCT, roleArn: 'arn:aws:iam::444455556666:role/vendor', targetAccount: '444455556666', externalId: true, externalIdHash: expect.stringMatching(/^[0-9a-f]{8}$/) },
      { eventId: 'e2', time: '2026-11-20T00:00:00.000Z', callerArn: `arn:aws:iam::${ACCOUNT_ID}:user/legacy`, roleArn: 'arn:aws:iam::444455556666:role/vendor', targetAccount: '444455556666', externalId: false, errorCode: 'AccessDenied' },
    ]);
    expect(JSON.stringify(data)).not.toContain('secret-id');
    const input = trail.commandCalls(LookupEventsCommand)[0]!.args[0].input;
    expect(input.LookupAttributes).toEqual([{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }]);
    expect(Date.now() - input.StartTime!.getTime()).toBeGreaterThan(29 * 86_400_000);
  });

  afterEach(() => vi.useRealTimers());

  it('stops after 20 pages, half a second apart, and says the sample is incomplete', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    trail.on(LookupEventsCommand).resolves({ Events: [event('e', { userIdentity: { type: 'AWSService' } }, '2026-11-01T00:00:00Z')], NextToken: 'more' });
    const pending = collect(assumeRoleEvents, testContext());
    await vi.advanceTimersByTimeAsync(19 * 500 - 1);
    expect(trail.commandCalls(LookupEventsCommand)).toHaveLength(19);
    await vi.advanceTimersByTimeAsync(1);
    const data = await pending;
    expect(data).toMatchObject({ scanned: 20, complete: false, oldestScanned: '2026-11-01T00:00:00.000Z', events: [] });
    expect(trail.commandCalls(LookupEventsCommand)).toHaveLength(20);
  });
});
