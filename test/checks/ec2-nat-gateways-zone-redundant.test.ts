import check from '../../checks/ec2-nat-gateways-zone-redundant.js';
import type { NatGatewayInfo } from '../../src/datasets/ec2/datasets.js';
import { networkOf, routeTable, subnet, VPC } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const VPC_ARN = `arn:aws:ec2:eu-west-1:111122223333:vpc/${VPC}`;
const nat = (id: string, subnetId: string, availabilityMode = 'zonal'): NatGatewayInfo => ({ natGatewayId: id, vpcId: VPC, subnetId, state: 'available', availabilityMode });
const subnets = [subnet('subnet-pub-a', 'a'), subnet('subnet-a', 'a'), subnet('subnet-b', 'b')];
const publicTable = routeTable('rtb-pub', { '0.0.0.0/0': 'igw-1' }, { subnetIds: ['subnet-pub-a'] });
const withNet = (parts: Parameters<typeof networkOf>[0]) => input({ data: { network: networkOf({ subnets, ...parts }) } });

runCheckCases(check, [
  {
    name: 'private subnets in two zones behind one zonal NAT gateway (main table): WARN',
    input: withNet({ routeTables: [publicTable, routeTable('rtb-main', { '0.0.0.0/0': 'nat-a' }, { main: true })], natGateways: [nat('nat-a', 'subnet-pub-a')] }),
    expected: [{ status: 'WARN', messageId: 'oneZonalNat', resource: VPC_ARN, params: { zones: 'eu-west-1a, eu-west-1b', nat: 'nat-a', natZone: 'eu-west-1a' } }],
  },
  {
    name: 'one NAT gateway per zone: PASS',
    input: withNet({
      routeTables: [publicTable, routeTable('rtb-a', { '0.0.0.0/0': 'nat-a' }, { subnetIds: ['subnet-a'] }), routeTable('rtb-b', { '0.0.0.0/0': 'nat-b' }, { subnetIds: ['subnet-b'] })],
      natGateways: [nat('nat-a', 'subnet-pub-a'), nat('nat-b', 'subnet-pub-b')],
    }),
    expected: [{ status: 'PASS', messageId: 'redundant', resource: VPC_ARN, params: { how: 'NAT gateway(s) nat-a, nat-b' } }],
  },
  {
    name: 'one regional NAT gateway: PASS',
    input: withNet({ routeTables: [publicTable, routeTable('rtb-main', { '0.0.0.0/0': 'nat-r' }, { main: true })], natGateways: [nat('nat-r', 'subnet-pub-a', 'regional')] }),
    expected: [{ status: 'PASS', messageId: 'redundant', resource: VPC_ARN, params: { how: 'regional NAT gateway nat-r, which spans zones' } }],
  },
  {
    name: 'private subnets in one zone only: PASS',
    input: input({ data: { network: networkOf({ subnets: [subnet('subnet-a', 'a')], routeTables: [routeTable('rtb-main', { '0.0.0.0/0': 'nat-a' }, { main: true })], natGateways: [nat('nat-a', 'subnet-pub-a')] }) } }),
    expected: [{ status: 'PASS', messageId: 'redundant', resource: VPC_ARN }],
  },
  {
    name: 'no subnet routes to a NAT gateway: NOT_APPLICABLE',
    input: withNet({ routeTables: [publicTable, routeTable('rtb-main', { '10.0.0.0/16': 'local' }, { main: true })] }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noNatRouting', resource: 'arn:aws:ec2:eu-west-1:111122223333:natgateway' }],
  },
]);
