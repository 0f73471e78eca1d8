import check from '../../checks/securityhub-cis-benchmark-enabled.js';
import { CIS_V3, FSBP, standards } from '../helpers/fixtures/governance.js';
import { ACCOUNT, accountInput, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];
const off = { enabled: false, standards: [] };

runCheckCases(check, [
  {
    name: 'CIS enabled: PASS with the failed resources per control, summed over regions',
    input: accountInput({
      regions,
      data: {
        standards: {
          [REGION]: ok(standards([CIS_V3, FSBP], { 'IAM.4': 1, 'EC2.2': 2 })),
          [UNREAD_REGION]: ok(standards([CIS_V3.replace(REGION, UNREAD_REGION)], { 'EC2.2': 1 })),
        },
      },
    }),
    expected: [{ status: 'PASS', messageId: 'cisEnabled', resource: ROOT, params: { versions: '3.0.0', regions: `${REGION}, ${UNREAD_REGION}`, failed: 'IAM.4 1, EC2.2 3' } }],
  },
  {
    name: 'only other standards, or Security Hub off: WARN optional',
    input: accountInput({ regions, data: { standards: { [REGION]: ok(standards([FSBP])), [UNREAD_REGION]: ok(off) } } }),
    expected: [{ status: 'WARN', messageId: 'notEnabled', resource: ROOT }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: { standards: { [REGION]: ok(off), [UNREAD_REGION]: view } } }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'notEnabled', resource: ROOT }],
  }),
]);
