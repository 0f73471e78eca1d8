import check from '../../checks/wellarchitected-review-recent.js';
import { workload, workloads } from '../helpers/fixtures/governance.js';
import { ACCOUNT, accountInput, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];
const arn = (name: string) => `arn:aws:wellarchitected:${REGION}:${ACCOUNT}:workload/${name}`;

runCheckCases(check, [
  {
    name: 'a milestone within 12 months passes, naming the latest review',
    input: accountInput({
      regions,
      data: { workloads: { [REGION]: ok(workloads(workload('shop', '2025-01-01T00:00:00Z', '2026-05-01T00:00:00Z'), workload('old', '2024-01-01T00:00:00Z'))), [UNREAD_REGION]: ok(workloads()) } },
    }),
    expected: [{ status: 'PASS', messageId: 'reviewed', resource: arn('shop'), params: { date: '2026-05-01', milestone: ' (milestone)', high: 1 } }],
  },
  {
    name: 'the latest review is older than 12 months: WARN',
    input: accountInput({ regions, data: { workloads: { [REGION]: ok(workloads(workload('shop', '2025-10-01T00:00:00Z'))), [UNREAD_REGION]: ok(workloads()) } } }),
    expected: [{ status: 'WARN', messageId: 'stale', resource: arn('shop'), params: { date: '2025-10-01' } }],
  },
  {
    name: 'no workload anywhere (or the tool absent from a region): WARN',
    input: accountInput({ regions, data: { workloads: { [REGION]: ok(workloads()), [UNREAD_REGION]: ok({ available: false, workloads: [] }) } } }),
    expected: [{ status: 'WARN', messageId: 'noWorkload', resource: ROOT }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: { workloads: { [REGION]: ok(workloads()), [UNREAD_REGION]: view } } }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'noWorkload', resource: ROOT }],
  }),
]);
