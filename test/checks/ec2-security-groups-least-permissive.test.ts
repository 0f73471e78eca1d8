import check from '../../checks/ec2-security-groups-least-permissive.js';
import { rule, securityGroup } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const groups = (...list: ReturnType<typeof securityGroup>[]) => input({ data: { groups: { groups: list } } });
const arn = (id: string) => securityGroup(id, []).arn;

runCheckCases(check, [
  {
    name: 'HTTPS from the internet only: PASS',
    input: groups(securityGroup('sg-web', [rule(), rule({ cidrIpv4: undefined, cidrIpv6: '::/0' })])),
    expected: [{ status: 'PASS', messageId: 'leastPermissive', resource: arn('sg-web'), params: { defaultNote: '' } }],
  },
  {
    name: 'SSH from 0.0.0.0/0: FAIL',
    input: groups(securityGroup('sg-bastion', [rule({ fromPort: 22, toPort: 22 })])),
    expected: [{ status: 'FAIL', messageId: 'openToInternet', resource: arn('sg-bastion'), params: { rules: 'tcp 22 from 0.0.0.0/0' } }],
  },
  {
    name: 'RDP from ::/0 inside a wider range: FAIL',
    input: groups(securityGroup('sg-win', [rule({ fromPort: 3000, toPort: 4000, cidrIpv4: undefined, cidrIpv6: '::/0' })])),
    expected: [{ status: 'FAIL', messageId: 'openToInternet', resource: arn('sg-win'), params: { rules: 'tcp 3000-4000 from ::/0' } }],
  },
  {
    name: 'all traffic from the internet: FAIL',
    input: groups(securityGroup('sg-open', [rule({ protocol: '-1', fromPort: -1, toPort: -1 })])),
    expected: [{ status: 'FAIL', messageId: 'openToInternet', resource: arn('sg-open'), params: { rules: 'all traffic from 0.0.0.0/0' } }],
  },
  {
    name: 'UDP 3389 (RDP over UDP) from the internet: FAIL',
    input: groups(securityGroup('sg-udp', [rule({ protocol: 'udp', fromPort: 3389, toPort: 3389 })])),
    expected: [{ status: 'FAIL', messageId: 'openToInternet', resource: arn('sg-udp') }],
  },
  {
    name: 'SSH from a private range, ICMP from anywhere, egress to anywhere: PASS',
    input: groups(
      securityGroup('sg-app', [
        rule({ fromPort: 22, toPort: 22, cidrIpv4: '10.0.0.0/8' }),
        rule({ protocol: 'icmp', fromPort: -1, toPort: -1 }),
        rule({ isEgress: true, protocol: '-1' }),
      ]),
    ),
    expected: [{ status: 'PASS', messageId: 'leastPermissive', resource: arn('sg-app') }],
  },
  {
    name: 'a VPC default group with any rule: FAIL',
    input: groups(securityGroup('sg-def', [rule({ protocol: '-1', cidrIpv4: undefined, referencedGroupId: 'sg-def' })], { name: 'default' })),
    expected: [{ status: 'FAIL', messageId: 'defaultGroupHasRules', resource: arn('sg-def'), params: { count: 1 } }],
  },
  {
    name: 'a default group open to the world fails twice',
    input: groups(securityGroup('sg-def', [rule({ fromPort: 22, toPort: 22 })], { name: 'default' })),
    expected: [
      { status: 'FAIL', messageId: 'openToInternet', resource: arn('sg-def') },
      { status: 'FAIL', messageId: 'defaultGroupHasRules', resource: arn('sg-def') },
    ],
  },
  {
    name: 'an empty default group: PASS',
    input: groups(securityGroup('sg-def', [], { name: 'default' })),
    expected: [{ status: 'PASS', messageId: 'leastPermissive', resource: arn('sg-def'), params: { defaultNote: ", and as its VPC's default group it has no rules" } }],
  },
  {
    name: 'no security groups: NOT_APPLICABLE',
    input: groups(),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noGroups', resource: 'arn:aws:ec2:eu-west-1:111122223333:security-group' }],
  },
]);
