import check from '../../checks/iam-workloads-temporary-credentials.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { CredentialReportEntry } from '../../src/datasets/iam/datasets.js';
import type { Ec2Instance, Ec2InstancesEvidence } from '../../src/datasets/ec2/datasets.js';
import { instance } from '../helpers/fixtures/compute.js';
import { consoleUser, credentialReport, keyUser, REPORT_TIME, rootEntry, userArn } from '../helpers/fixtures/iam.js';
import { accountInput, failed, ok, REGION, settings } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const OTHER = 'us-east-1';
const ACCOUNT_ARN = 'arn:aws:iam::111122223333:root';
const INSTANCES_ARN = 'arn:aws:ec2:eu-west-1:111122223333:instance';
const ROTATED = '2026-09-01T00:00:00.000Z';
const RECENT = '2026-11-20T00:00:00.000Z';
const LONG_AGO = '2026-07-01T00:00:00.000Z';
const PROFILE = 'arn:aws:iam::111122223333:instance-profile/app';

interface Options {
  entries?: CredentialReportEntry[];
  instances?: Ec2Instance[];
  regions?: Record<string, DatasetView<Ec2InstancesEvidence>>;
  closedRegions?: string[];
  interactiveUsers?: string[];
}

function account(o: Options) {
  const regions = o.regions ?? { [REGION]: ok({ instances: o.instances ?? [instance({ iamInstanceProfileArn: PROFILE })] }) };
  return accountInput({
    regions: Object.keys(regions),
    closedRegions: o.closedRegions ?? [],
    settings: settings(o.interactiveUsers ? { iam: { interactiveUsers: o.interactiveUsers } } : {}),
    data: { report: credentialReport(rootEntry(), ...(o.entries ?? [])), instances: regions },
  });
}

runCheckCases(check, [
  {
    name: 'no service key in use, every instance with a profile: PASS',
    input: account({ entries: [consoleUser('alice')] }),
    expected: [{ status: 'PASS', messageId: 'workloadsOnRoles', resource: ACCOUNT_ARN, params: { withProfile: 1, running: 1, days: 90, generatedAt: REPORT_TIME } }],
  },
  {
    name: 'a service user whose key was used within 90 days: WARN "use a role"',
    input: account({ entries: [keyUser('etl', ROTATED, RECENT)] }),
    expected: [{ status: 'WARN', messageId: 'serviceKeyInUse', resource: userArn('etl'), params: { user: 'etl', lastUsed: RECENT } }],
  },
  {
    name: 'a key last used over 90 days ago, or never, is not a workload in use; people are left out',
    input: account({
      entries: [keyUser('old', ROTATED, LONG_AGO), keyUser('never', ROTATED), { ...keyUser('bob', ROTATED, RECENT), passwordEnabled: true }, keyUser('cli-eng', ROTATED, RECENT)],
      interactiveUsers: ['cli-eng'],
    }),
    expected: [{ status: 'PASS', messageId: 'workloadsOnRoles', resource: ACCOUNT_ARN }],
  },
  {
    name: 'running instances without an instance profile are evidence, listed per region; stopped ones are not',
    input: account({ instances: [instance({ instanceId: 'i-bare' }), instance({ instanceId: 'i-off', state: 'stopped' }), instance({ instanceId: 'i-role', iamInstanceProfileArn: PROFILE })] }),
    expected: [
      { status: 'PASS', messageId: 'instancesWithoutProfile', resource: INSTANCES_ARN, params: { count: 1, instances: 'i-bare' } },
      { status: 'PASS', messageId: 'workloadsOnRoles', resource: ACCOUNT_ARN, params: { withProfile: 1, running: 2 } },
    ],
  },
  {
    name: 'instances unreadable in an open region: ERROR there; a region an SCP closes: NOT_APPLICABLE',
    input: account({
      regions: { [REGION]: failed('UnauthorizedOperation'), [OTHER]: failed('AccessDenied', 'scp-denied'), 'eu-central-1': failed('AccessDenied', 'scp-denied') },
      closedRegions: [OTHER],
    }),
    expected: [
      { status: 'ERROR', messageId: 'regionUnreadable', resource: INSTANCES_ARN },
      { status: 'NOT_APPLICABLE', messageId: 'regionClosed', resource: 'arn:aws:ec2:us-east-1:111122223333:instance' },
      { status: 'ERROR', messageId: 'regionDeniedByScp', resource: 'arn:aws:ec2:eu-central-1:111122223333:instance' },
      { status: 'PASS', messageId: 'workloadsOnRoles', resource: ACCOUNT_ARN, params: { running: 0 } },
    ],
  },
  {
    name: 'a region that is not enabled: NOT_APPLICABLE',
    input: account({ regions: { [REGION]: failed('OptInRequired', 'region-disabled') } }),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'regionDisabled', resource: INSTANCES_ARN },
      { status: 'PASS', messageId: 'workloadsOnRoles', resource: ACCOUNT_ARN },
    ],
  },
]);
