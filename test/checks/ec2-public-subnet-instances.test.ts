import check from '../../checks/ec2-public-subnet-instances.js';
import type { NetworkEvidence } from '../../src/datasets/ec2/datasets.js';
import { instance } from '../helpers/fixtures/compute.js';
import { networkOf, routeTable, subnet } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const REGION_ARN = 'arn:aws:ec2:eu-west-1:111122223333:instance';
/** subnet-pub routes 0.0.0.0/0 and ::/0 to an internet gateway explicitly; subnet-priv uses the main table (NAT). */
const net = networkOf({
  subnets: [subnet('subnet-pub', 'a'), subnet('subnet-priv', 'b'), subnet('subnet-v6', 'c')],
  routeTables: [
    routeTable('rtb-main', { '0.0.0.0/0': 'nat-1' }, { main: true }),
    routeTable('rtb-pub', { '0.0.0.0/0': 'igw-1', '::/0': 'igw-1' }, { subnetIds: ['subnet-pub'] }),
    routeTable('rtb-v6', { '0.0.0.0/0': 'nat-1', '::/0': 'igw-1' }, { subnetIds: ['subnet-v6'] }),
  ],
});
const web = instance({ instanceId: 'i-web', subnetId: 'subnet-pub', publicIp: '198.51.100.1', availabilityZone: 'eu-west-1a' });
const cases = (instances: ReturnType<typeof instance>[], network: NetworkEvidence = net) => input({ data: { instances: { instances }, network } });

runCheckCases(check, [
  {
    name: 'public IPv4 in a subnet routed to an internet gateway: WARN',
    input: cases([web]),
    expected: [{ status: 'WARN', messageId: 'publicInstance', resource: web.arn, params: { address: '198.51.100.1', subnet: 'subnet-pub', zone: 'eu-west-1a' } }],
  },
  {
    name: 'IPv6 address in a subnet whose ::/0 leads to an internet gateway: WARN',
    input: cases([instance({ instanceId: 'i-v6', subnetId: 'subnet-v6', ipv6Address: '2001:db8::1' })]),
    expected: [{ status: 'WARN', messageId: 'publicInstance', resource: instance({ instanceId: 'i-v6' }).arn, params: { address: '2001:db8::1' } }],
  },
  {
    name: 'public IPv4 in a subnet that only routes IPv6 to the internet gateway: PASS',
    input: cases([instance({ instanceId: 'i-v4', subnetId: 'subnet-v6', publicIp: '198.51.100.2' })]),
    expected: [{ status: 'PASS', messageId: 'noPublicInstances', resource: REGION_ARN, params: { publicSubnets: 'subnet-pub, subnet-v6' } }],
  },
  {
    name: 'public IP in a private subnet (main table, NAT): PASS',
    input: cases([instance({ subnetId: 'subnet-priv', publicIp: '198.51.100.3' })]),
    expected: [{ status: 'PASS', messageId: 'noPublicInstances', resource: REGION_ARN }],
  },
  {
    name: 'an instance without a public address in a public subnet, and a stopped public one: PASS',
    input: cases([instance({ subnetId: 'subnet-pub' }), { ...web, state: 'stopped' }]),
    expected: [{ status: 'PASS', messageId: 'noPublicInstances', resource: REGION_ARN }],
  },
  {
    name: 'no public subnet at all: PASS saying none',
    input: cases([instance({ subnetId: 'subnet-priv' })], networkOf({ subnets: [subnet('subnet-priv', 'b')] })),
    expected: [{ status: 'PASS', messageId: 'noPublicInstances', resource: REGION_ARN, params: { publicSubnets: 'none' } }],
  },
  {
    name: 'no running instances: NOT_APPLICABLE',
    input: cases([{ ...web, state: 'terminated' }]),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noInstances', resource: REGION_ARN }],
  },
]);
