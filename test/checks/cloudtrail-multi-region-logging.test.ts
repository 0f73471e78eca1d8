import { describe, expect, it } from 'vitest';
import check from '../../checks/cloudtrail-multi-region-logging.js';
import { trail, trails } from '../helpers/fixtures/observability.js';
import { ACCOUNT, accountInput, CENTRAL_ACCOUNT, failed, ok, orgView, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];
const logging = { isLogging: true };
const orgArn = `arn:aws:cloudtrail:${UNREAD_REGION}:${CENTRAL_ACCOUNT}:trail/org`;
/** The organization trail as a member sees it: homed in the management account's us-east-1. */
const memberView = trail('org', { arn: orgArn, homeRegion: UNREAD_REGION, organization: true });

runCheckCases(check, [
  {
    name: 'an own multi-region trail logging, with CloudWatch Logs in another account: PASS',
    input: accountInput({
      regions,
      data: {
        flowLogs: {},
        trails: {
          [REGION]: ok(trails(trail('main', { status: logging, cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${CENTRAL_ACCOUNT}:log-group:trail` }), trail('local', { multiRegion: false }))),
          [UNREAD_REGION]: ok(trails(trail('main'))),
        },
      },
    }),
    expected: [{ status: 'PASS', messageId: 'logging', resource: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`, params: { kind: 'Multi-region', delivery: ` and CloudWatch Logs of account ${CENTRAL_ACCOUNT}` } }],
  },
  {
    name: 'the organization trail a member cannot read, judged from the scanned management account',
    input: accountInput({
      regions,
      data: { flowLogs: {}, trails: { [REGION]: ok(trails(memberView)), [UNREAD_REGION]: ok(trails({ ...memberView, statusUnreadable: 'TrailNotFoundException' })) } },
      org: orgView({ scanned: [CENTRAL_ACCOUNT], datasets: { 'cloudtrail.trails': { [`${CENTRAL_ACCOUNT}/${UNREAD_REGION}`]: ok(trails({ ...memberView, status: logging })) } } }),
    }),
    expected: [{ status: 'PASS', messageId: 'loggingPerManagement', resource: orgArn, params: { owner: CENTRAL_ACCOUNT } }],
  },
  {
    name: 'the management account not scanned: WARN',
    input: accountInput({ regions, data: { flowLogs: {}, trails: { [REGION]: ok(trails(memberView)), [UNREAD_REGION]: ok(trails({ ...memberView, statusUnreadable: 'TrailNotFoundException' })) } } }),
    expected: [{ status: 'WARN', messageId: 'orgTrailUnverified', resource: orgArn }],
  },
  {
    name: 'the scanned management account\'s trails unreadable: ERROR naming the code',
    input: accountInput({
      regions,
      data: { flowLogs: {}, trails: { [REGION]: ok(trails(memberView)), [UNREAD_REGION]: ok(trails({ ...memberView, statusUnreadable: 'TrailNotFoundException' })) } },
      org: orgView({ scanned: [CENTRAL_ACCOUNT], datasets: { 'cloudtrail.trails': { [`${CENTRAL_ACCOUNT}/${UNREAD_REGION}`]: failed() } } }),
    }),
    expected: [{ status: 'ERROR', messageId: 'orgTrailUnreadable', resource: orgArn, params: { owner: CENTRAL_ACCOUNT, code: 'AccessDeniedException' } }],
  },
  {
    name: 'no region read: the unread regions only, never a FAIL',
    input: accountInput({ regions, data: { flowLogs: {}, trails: { [REGION]: failed(), [UNREAD_REGION]: failed() } } }),
    expected: [
      { status: 'ERROR', messageId: 'regionUnreadable', resource: ROOT, params: { region: REGION } },
      { status: 'ERROR', messageId: 'regionUnreadable', resource: ROOT, params: { region: UNREAD_REGION } },
    ],
  },
  {
    name: 'an own trail whose home region was not scanned: WARN',
    input: accountInput({ regions: [REGION], data: { flowLogs: {}, trails: { [REGION]: ok(trails(trail('main', { homeRegion: 'ap-south-1' }))) } } }),
    expected: [{ status: 'WARN', messageId: 'statusUnread', resource: `arn:aws:cloudtrail:ap-south-1:${ACCOUNT}:trail/main`, params: { home: 'ap-south-1' } }],
  },
  {
    name: 'a stopped multi-region trail and a single-region one: FAIL',
    input: accountInput({ regions, data: { flowLogs: {}, trails: { [REGION]: ok(trails(trail('main', { status: { isLogging: false } }), trail('local', { multiRegion: false, status: logging }))), [UNREAD_REGION]: ok(trails()) } } }),
    expected: [{ status: 'FAIL', messageId: 'noLoggingTrail', resource: ROOT, params: { trails: 'main not logging' } }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: { flowLogs: {}, trails: { [REGION]: ok(trails()), [UNREAD_REGION]: view } } }),
    resource: ROOT,
    then: [{ status: 'FAIL', messageId: 'noLoggingTrail', resource: ROOT, params: { trails: 'none found' } }],
  }),
]);

describe('VPC flow logs as evidence', () => {
  it('lists each VPC with its flow log count, and a region it could not read with the error, without changing the verdict', () => {
    const flowLogs = {
      [REGION]: ok({ vpcs: [{ vpcId: 'vpc-1', isDefault: false }, { vpcId: 'vpc-2', isDefault: true }], flowLogs: [{ flowLogId: 'fl-1', resourceId: 'vpc-1' }] }),
      [UNREAD_REGION]: failed(),
    };
    const input = accountInput({ regions, data: { flowLogs, trails: { [REGION]: ok(trails()), [UNREAD_REGION]: ok(trails()) } } });
    const [outcome] = check.evaluate(input as Parameters<typeof check.evaluate>[0]);
    expect(outcome?.status).toBe('FAIL');
    expect(outcome?.evidence?.vpcFlowLogs).toEqual({
      [REGION]: [{ vpcId: 'vpc-1', flowLogs: 1 }, { vpcId: 'vpc-2', flowLogs: 0 }],
      [UNREAD_REGION]: { unread: 'AccessDeniedException' },
    });
  });
});
