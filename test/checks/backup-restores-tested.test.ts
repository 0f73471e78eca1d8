import check from '../../checks/backup-restores-tested.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { RestoreTestsEvidence } from '../../src/datasets/backup/datasets.js';
import { restoreTestsOf } from '../helpers/fixtures/network-area.js';
import { accountInput, failed, ok } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ACCOUNT_ARN = 'arn:aws:iam::111122223333:root';
const byRegion = (views: Record<string, DatasetView<RestoreTestsEvidence>>, closedRegions: string[] = []) =>
  accountInput({ regions: Object.keys(views), closedRegions, data: { tests: views } });
const plan = { arn: 'arn:aws:backup:eu-west-1:111122223333:restore-testing-plan:weekly', name: 'weekly' };
const job = (completionDate: string) => ({ restoreJobId: 'job-1', completionDate });

runCheckCases(check, [
  {
    name: 'a restore testing plan: PASS',
    input: byRegion({ 'eu-west-1': ok(restoreTestsOf({ plans: [plan] })), 'us-east-1': ok(restoreTestsOf()) }),
    expected: [{ status: 'PASS', messageId: 'restoreTested', resource: ACCOUNT_ARN, params: { seen: 'restore testing plan weekly in eu-west-1' } }],
  },
  {
    name: 'a restore job completed within 12 months: PASS, even with another region unreadable',
    input: byRegion({ 'eu-west-1': ok(restoreTestsOf({ completedJobs: [job('2026-05-01T00:00:00.000Z')] })), 'us-east-1': failed() }),
    expected: [{ status: 'PASS', messageId: 'restoreTested', resource: ACCOUNT_ARN, params: { seen: '1 restore job(s) completed in eu-west-1, the latest on 2026-05-01' } }],
  },
  {
    name: 'only a job older than 12 months: WARN',
    input: byRegion({ 'eu-west-1': ok(restoreTestsOf({ completedJobs: [job('2025-10-01T00:00:00.000Z')] })) }),
    expected: [{ status: 'WARN', messageId: 'noRestoreTest', resource: ACCOUNT_ARN, params: { since: '2025-11-23', regions: 'eu-west-1' } }],
  },
  {
    name: 'nothing anywhere; an SCP-closed region is not applicable: WARN',
    input: byRegion({ 'eu-west-1': ok(restoreTestsOf()), 'ap-southeast-2': failed('AccessDeniedException', 'scp-denied') }, ['ap-southeast-2']),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'regionClosed', resource: 'arn:aws:backup:ap-southeast-2:111122223333:restore-testing-plan' },
      { status: 'WARN', messageId: 'noRestoreTest', resource: ACCOUNT_ARN, params: { regions: 'eu-west-1' } },
    ],
  },
  {
    name: 'nothing found and a region unreadable: ERROR for it, no verdict',
    input: byRegion({ 'eu-west-1': ok(restoreTestsOf()), 'us-east-1': failed() }),
    expected: [{ status: 'ERROR', messageId: 'regionUnreadable', resource: 'arn:aws:backup:us-east-1:111122223333:restore-testing-plan' }],
  },
  {
    name: 'an SCP denying AWS Backup in an open region: ERROR',
    input: byRegion({ 'eu-west-1': failed('AccessDeniedException', 'scp-denied') }),
    expected: [{ status: 'ERROR', messageId: 'regionDeniedByScp', resource: 'arn:aws:backup:eu-west-1:111122223333:restore-testing-plan' }],
  },
  {
    name: 'a region not enabled: NOT_APPLICABLE beside the warning',
    input: byRegion({ 'eu-west-1': ok(restoreTestsOf()), 'me-south-1': failed('UnrecognizedClientException', 'region-disabled') }),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'regionDisabled', resource: 'arn:aws:backup:me-south-1:111122223333:restore-testing-plan' },
      { status: 'WARN', messageId: 'noRestoreTest', resource: ACCOUNT_ARN },
    ],
  },
]);
