import check from '../../checks/fis-az-impairment-tested.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { ExperimentsEvidence } from '../../src/datasets/fis/datasets.js';
import type { AppAssessmentsEvidence } from '../../src/datasets/resiliencehub/datasets.js';
import { experiment } from '../helpers/fixtures/network-area.js';
import { accountInput, failed, ok, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ACCOUNT_ARN = 'arn:aws:iam::111122223333:root';
const fis = (completed: ExperimentsEvidence['completed']) => ok({ offered: true, completed, otherCount: 0, since: '2025-10-23T00:00:00.000Z' });
const hub = (apps: string[] = []): DatasetView<AppAssessmentsEvidence> =>
  ok({ offered: true, assessments: apps.map((app) => ({ arn: `arn:a/${app}`, appArn: `arn:aws:resiliencehub:${REGION}:111122223333:app/${app}`, status: 'Success', complianceStatus: 'PolicyMet' })), successfulCount: apps.length });

function account(experiments: DatasetView<ExperimentsEvidence>, assessments: DatasetView<AppAssessmentsEvidence> = hub(), closedRegions: string[] = []) {
  return accountInput({ closedRegions, data: { experiments: { [REGION]: experiments }, assessments: { [REGION]: assessments } } });
}

const zonalFilter = experiment('EXP1', {
  actions: [{ name: 'stop', actionId: 'aws:ec2:stop-instances', parameters: {}, targets: { Instances: 'az-a' } }],
  targets: [{ name: 'az-a', resourceType: 'aws:ec2:instance', filters: [{ path: 'Placement.AvailabilityZone', values: ['eu-west-1a'] }], parameters: {}, resourceTags: {}, resourceArnCount: 0 }],
});
const zonalAction = experiment('EXP2', { actions: [{ name: 'ice', actionId: 'aws:ec2:api-insufficient-instance-capacity-error', parameters: { availabilityZoneIdentifiers: 'euw1-az1' }, targets: {} }] });
const zonalParameter = experiment('EXP3', { actions: [{ name: 'pause', actionId: 'aws:network:disrupt-connectivity', parameters: {}, targets: { Subnets: 'subnets' } }], targets: [{ name: 'subnets', filters: [], parameters: { availabilityZoneIdentifier: 'euw1-az1' }, resourceTags: {}, resourceArnCount: 2 }] });
const reboot = experiment('EXP4', { actions: [{ name: 'reboot', actionId: 'aws:ec2:reboot-instances', parameters: {}, targets: { Instances: 't' } }], targets: [{ name: 't', filters: [], parameters: {}, resourceTags: { Env: 'staging' }, resourceArnCount: 0 }] });
const old = experiment('EXP5', { ...zonalFilter, id: 'EXP5', creationTime: '2025-06-01T00:00:00.000Z', endTime: '2025-06-01T01:00:00.000Z' });

runCheckCases(check, [
  {
    name: 'a completed experiment whose targets are filtered to one zone: PASS',
    input: account(fis([zonalFilter]), hub(['storefront'])),
    expected: [{ status: 'PASS', messageId: 'azTested', resource: ACCOUNT_ARN, params: { assessments: ` Resilience Hub assessments: storefront (PolicyMet) in ${REGION}.` } }],
  },
  {
    name: 'a zonal action (insufficient capacity in one zone): PASS',
    input: account(fis([zonalAction])),
    expected: [{ status: 'PASS', messageId: 'azTested', resource: ACCOUNT_ARN, params: { assessments: '' } }],
  },
  {
    name: 'a target pinned to a zone by parameter: PASS',
    input: account(fis([zonalParameter])),
    expected: [{ status: 'PASS', messageId: 'azTested', resource: ACCOUNT_ARN }],
  },
  {
    name: 'experiments that impair no zone: WARN',
    input: account(fis([reboot])),
    expected: [{ status: 'WARN', messageId: 'otherTestsOnly', resource: ACCOUNT_ARN }],
  },
  {
    name: 'an AZ experiment older than 12 months: WARN, no test',
    input: account(fis([old])),
    expected: [{ status: 'WARN', messageId: 'noTest', resource: ACCOUNT_ARN, params: { since: '2025-11-23' } }],
  },
  {
    name: 'Resilience Hub assessments only: WARN naming them',
    input: account(fis([]), hub(['storefront'])),
    expected: [{ status: 'WARN', messageId: 'assessedOnly', resource: ACCOUNT_ARN }],
  },
  {
    name: 'FIS unreadable and nothing found: ERROR',
    input: account(failed()),
    expected: [{ status: 'ERROR', messageId: 'regionUnreadable', resource: `arn:aws:fis:${REGION}:111122223333:experiment` }],
  },
  {
    name: 'Resilience Hub denied by an SCP in an open region, an AZ test elsewhere in the data: the test wins',
    input: account(fis([zonalFilter]), failed('AccessDeniedException', 'scp-denied')),
    expected: [{ status: 'PASS', messageId: 'azTested', resource: ACCOUNT_ARN }],
  },
  {
    name: 'Resilience Hub denied by an SCP in an open region and no test: ERROR',
    input: account(fis([]), failed('AccessDeniedException', 'scp-denied')),
    expected: [{ status: 'ERROR', messageId: 'regionDeniedByScp', resource: `arn:aws:resiliencehub:${REGION}:111122223333:app-assessment` }],
  },
  {
    name: 'a closed region: NOT_APPLICABLE beside the warning',
    input: account(failed('AccessDeniedException', 'scp-denied'), failed('AccessDeniedException', 'scp-denied'), [REGION]),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'regionClosed', resource: `arn:aws:fis:${REGION}:111122223333:experiment` },
      { status: 'NOT_APPLICABLE', messageId: 'regionClosed', resource: `arn:aws:resiliencehub:${REGION}:111122223333:app-assessment` },
      { status: 'WARN', messageId: 'noTest', resource: ACCOUNT_ARN },
    ],
  },
  {
    name: 'a region not enabled: NOT_APPLICABLE beside the warning',
    input: account(failed('UnrecognizedClientException', 'region-disabled'), failed('UnrecognizedClientException', 'region-disabled')),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'regionDisabled', resource: `arn:aws:fis:${REGION}:111122223333:experiment` },
      { status: 'NOT_APPLICABLE', messageId: 'regionDisabled', resource: `arn:aws:resiliencehub:${REGION}:111122223333:app-assessment` },
      { status: 'WARN', messageId: 'noTest', resource: ACCOUNT_ARN },
    ],
  },
]);
