import check from '../../checks/macie-sensitive-data-discovery.js';
import { macie } from '../helpers/fixtures/protection.js';
import { ACCOUNT, accountInput, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];

runCheckCases(check, [
  {
    name: 'Macie with a job in one region passes, counting the jobs that are not cancelled',
    input: accountInput({ regions, data: { macie: { [REGION]: ok(macie('ENABLED', ['COMPLETE', 'CANCELLED', 'RUNNING'])), [UNREAD_REGION]: ok(macie('off')) } } }),
    expected: [{ status: 'PASS', messageId: 'discovering', resource: ROOT, params: { jobs: 2, regions: REGION } }],
  },
  {
    name: 'Macie enabled with only cancelled jobs, or paused with jobs: WARN enabled without jobs',
    input: accountInput({ regions, data: { macie: { [REGION]: ok(macie('ENABLED', ['CANCELLED'])), [UNREAD_REGION]: ok(macie('PAUSED', ['IDLE'])) } } }),
    expected: [{ status: 'WARN', messageId: 'enabledWithoutJobs', resource: ROOT, params: { regions: REGION } }],
  },
  {
    name: 'Macie nowhere: WARN, attest the classification',
    input: accountInput({ regions, data: { macie: { [REGION]: ok(macie('off')), [UNREAD_REGION]: ok(macie('off')) } } }),
    expected: [{ status: 'WARN', messageId: 'notEnabled', resource: ROOT }],
  },
  {
    name: 'found in one region, another unreadable: still PASS',
    input: accountInput({ regions, data: { macie: { [REGION]: ok(macie('ENABLED', ['IDLE'])), [UNREAD_REGION]: { ok: false, error: { kind: 'error', code: 'X', message: 'x' } } } } }),
    expected: [{ status: 'PASS', messageId: 'discovering', resource: ROOT }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: { macie: { [REGION]: ok(macie('off')), [UNREAD_REGION]: view } } }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'notEnabled', resource: ROOT }],
  }),
]);
