import check from '../../checks/config-resource-inventory.js';
import { resourceCounts } from '../helpers/fixtures/governance.js';
import { ACCOUNT, accountInput, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];

runCheckCases(check, [
  {
    name: 'recorded resources are counted by type across regions',
    input: accountInput({
      regions,
      data: { counts: { [REGION]: ok(resourceCounts({ 'AWS::EC2::Instance': 3, 'AWS::S3::Bucket': 2 })), [UNREAD_REGION]: ok(resourceCounts({ 'AWS::EC2::Instance': 1 })) } },
    }),
    expected: [{ status: 'PASS', messageId: 'inventory', resource: ROOT, params: { total: 6, types: 2, regions: `${REGION}, ${UNREAD_REGION}`, top: 'AWS::EC2::Instance 4, AWS::S3::Bucket 2' } }],
  },
  {
    name: 'no recorder records anywhere: WARN',
    input: accountInput({ regions, data: { counts: { [REGION]: ok(resourceCounts('not recording')), [UNREAD_REGION]: ok(resourceCounts('not recording')) } } }),
    expected: [{ status: 'WARN', messageId: 'noInventory', resource: ROOT }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: { counts: { [REGION]: ok(resourceCounts('not recording')), [UNREAD_REGION]: view } } }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'noInventory', resource: ROOT }],
  }),
]);
