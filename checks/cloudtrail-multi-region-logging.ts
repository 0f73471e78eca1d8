import { defineCheck, type Outcome, type OrgView, type PerRegion } from '../src/contract/check.js';
import { cloudTrailTrails, type Trail, type TrailsEvidence } from '../src/datasets/cloudtrail/datasets.js';
import { flowLogs, type FlowLogsEvidence } from '../src/datasets/ec2/datasets.js';
import { accountArn } from './lib/arn.js';
import { readRegions, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';

const MESSAGES = {
  logging: '{kind} trail {trail} (home {home}) is logging, to bucket {bucket}{delivery}.',
  loggingPerManagement: 'Organization trail {trail} of management account {owner} is logging, as its own account reports (this account cannot read its status).',
  orgTrailUnverified: 'Organization trail {trail} of management account {owner} reaches this account, but its status can only be read there, and that account was not scanned; attest that it logs.',
  orgTrailUnreadable: 'Organization trail {trail} reaches this account, but its status can only be read in management account {owner}, whose trails in {home} could not be read ({code}).',
  statusUnread: '{kind} trail {trail} reaches this account, but its status is read in its home region {home}, which was not scanned; attest that it logs.',
  noLoggingTrail: 'No multi-region or organization CloudTrail trail is logging for this account ({trails}): API activity is not kept centrally.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

const ownerOf = (trail: Trail) => trail.arn.split(':')[4] ?? '';

type Judged = { trail: Trail; from: 'self' | 'owner' } | 'not-scanned' | 'owner-not-scanned' | { ownerError: string };

/** The trail as read in its home region: by this account, or, for an organization trail it cannot read, by its owner. */
function statusOf(trail: Trail, accountId: string, views: PerRegion<TrailsEvidence>, org: OrgView): Judged {
  const home = views[trail.homeRegion];
  const own = home?.ok ? home.data.trails.find((t) => t.arn === trail.arn) : undefined;
  if (own?.status) return { trail: own, from: 'self' };
  const owner = ownerOf(trail);
  if (owner !== accountId && (own?.statusUnreadable || !home)) {
    const view = org.dataset(cloudTrailTrails, owner, trail.homeRegion);
    if (view && !view.ok) return { ownerError: view.error.code };
    const theirs = view?.ok ? view.data.trails.find((t) => t.arn === trail.arn) : undefined;
    return theirs?.status ? { trail: theirs, from: 'owner' } : 'owner-not-scanned';
  }
  // A home region that was scanned but not read is reported by its own ERROR outcome.
  return 'not-scanned';
}

const isRead = (status: Judged): status is { trail: Trail; from: 'self' | 'owner' } => typeof status === 'object' && 'trail' in status;

/** Per region, each VPC with the number of flow logs recording it: evidence that network logs are kept, never a verdict. */
function vpcFlowLogs(views: PerRegion<FlowLogsEvidence>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(views).map(([region, view]) => [
      region,
      view.ok
        ? view.data.vpcs.map(({ vpcId }) => ({ vpcId, flowLogs: view.data.flowLogs.filter((log) => log.resourceId === vpcId).length }))
        : { unread: view.error.code },
    ]),
  );
}

function kindOf(trail: Trail): string {
  return trail.organization ? 'Organization' : 'Multi-region';
}

export default defineCheck({
  id: 'cloudtrail-multi-region-logging',
  title: 'A multi-region or organization CloudTrail trail is logging',
  description:
    'Reads the trails every region scanned sees, with each one\'s logging status read in its home region. A multi-region or organization ' +
    'trail that is logging passes, naming where it delivers (an organization trail, or a CloudWatch Logs group of another account, keeps ' +
    'the logs in a central account). An organization trail whose status a member account cannot read is judged from the management ' +
    'account when that account was scanned (ERROR when its trails could not be read there), and warns otherwise; so does a trail whose ' +
    'home region was not scanned. None logging, in any region read, fails. ' +
    'The VPCs of each region and the flow logs recording them are evidence; that application logs and flow logs reach the central ' +
    'system is attested.',
  requirements: { 'smb-competency': ['REL-003'] },
  severity: 'high',
  scope: 'account',
  uses: { trails: cloudTrailTrails, flowLogs },
  readsOtherAccounts: [cloudTrailTrails],
  remediation:
    'Create an organization trail in the management account (`aws cloudtrail create-trail --name org --s3-bucket-name <log-archive-bucket> ' +
    '--is-organization-trail --is-multi-region-trail`, then `aws cloudtrail start-logging --name org`), delivering to a bucket in a log-archive account.',
  docsUrl: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { read, unread } = readRegions(input.data.trails, cloudTrailTrails.id, input.closedRegions, resource);
    const seen = new Map<string, Trail>();
    for (const { data } of read) for (const t of data.trails) if (t.multiRegion || t.organization) seen.set(t.arn, t);
    const judged = [...seen.values()].map((trail) => ({ trail, status: statusOf(trail, input.accountId, input.data.trails, input.org) }));
    const evidence = { vpcFlowLogs: vpcFlowLogs(input.data.flowLogs), trails: judged.map(({ trail, status }) => ({ ...trail, judgedFrom: isRead(status) ? status.from : status, status: isRead(status) ? status.trail.status : undefined })) };
    for (const { status } of judged) {
      if (!isRead(status) || !status.trail.status?.isLogging) continue;
      const trail = status.trail;
      const params = { trail: trail.name, home: trail.homeRegion, owner: ownerOf(trail), kind: kindOf(trail), bucket: trail.s3BucketName ?? '?' };
      if (status.from === 'owner') return [{ status: 'PASS', messageId: 'loggingPerManagement', resource: trail.arn, params, evidence }];
      const logsAccount = trail.cloudWatchLogsLogGroupArn?.split(':')[4];
      const delivery = logsAccount && logsAccount !== input.accountId ? ` and CloudWatch Logs of account ${logsAccount}` : trail.organization ? ' of the organization' : '';
      return [{ status: 'PASS', messageId: 'logging', resource: trail.arn, params: { ...params, delivery }, evidence }];
    }
    const outcomes: Outcome<MessageId>[] = [...unread];
    // Organization and multi-region trails show in every region: one region read is enough to say none logs.
    if (read.length === 0) return outcomes;
    const unverified = judged.find(({ status }) => !isRead(status));
    if (unverified) {
      const { trail, status } = unverified;
      const params = { trail: trail.name, owner: ownerOf(trail), home: trail.homeRegion, kind: kindOf(trail) };
      if (typeof status === 'object' && 'ownerError' in status) {
        outcomes.push({ status: 'ERROR', messageId: 'orgTrailUnreadable', resource: trail.arn, params: { ...params, code: status.ownerError }, evidence });
      } else {
        outcomes.push({ status: 'WARN', messageId: status === 'owner-not-scanned' ? 'orgTrailUnverified' : 'statusUnread', resource: trail.arn, params, evidence });
      }
    } else {
      const trails = judged.map(({ trail }) => `${trail.name} not logging`).join(', ') || 'none found';
      outcomes.push({ status: 'FAIL', messageId: 'noLoggingTrail', resource, params: { trails }, evidence });
    }
    return outcomes;
  },
});
