import check from '../../checks/autoscaling-groups-multi-az.js';
import { asg } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const groups = (...list: ReturnType<typeof asg>[]) => input({ data: { groups: { groups: list } } });

runCheckCases(check, [
  {
    name: 'one zone: WARN; two zones: PASS',
    input: groups(asg('batch', ['a']), asg('web', ['a', 'b'])),
    expected: [
      { status: 'WARN', messageId: 'singleZone', resource: asg('batch', []).arn, params: { zones: 'eu-west-1a' } },
      { status: 'PASS', messageId: 'multiZone', resource: asg('web', []).arn },
    ],
  },
  {
    name: 'no groups: NOT_APPLICABLE',
    input: groups(),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noGroups', resource: 'arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup' }],
  },
]);
