import { network } from '../src/datasets/ec2/datasets.js';
import type { NetworkEvidence, SubnetInfo } from '../src/datasets/ec2/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { defaultTarget, routeTableOf } from './lib/subnets.js';

const MESSAGES = {
  oneZonalNat: 'The private subnets of {vpc} in {zones} all leave for the internet through NAT gateway {nat} in {natZone}: losing that zone cuts their outbound traffic.',
  redundant: 'The private subnets of {vpc} in {zones} leave for the internet through {how}.',
  noNatRouting: 'No private subnet in {region} sends its default route to a NAT gateway.',
} as const;

type MessageId = keyof typeof MESSAGES;

/** Private subnets (default route to a NAT gateway), by VPC, with the gateway each uses. */
function natRoutedByVpc(net: NetworkEvidence): Map<string, { subnet: SubnetInfo; nat: string }[]> {
  const byVpc = new Map<string, { subnet: SubnetInfo; nat: string }[]>();
  for (const subnet of net.subnets) {
    const nat = defaultTarget(routeTableOf(subnet, net), 'ipv4');
    if (!nat?.startsWith('nat-')) continue;
    byVpc.set(subnet.vpcId, [...(byVpc.get(subnet.vpcId) ?? []), { subnet, nat }]);
  }
  return byVpc;
}

function judgeVpc(vpcId: string, routed: { subnet: SubnetInfo; nat: string }[], net: NetworkEvidence, input: { accountId: string; region: string }): Outcome<MessageId> {
  const zones = [...new Set(routed.map((r) => r.subnet.availabilityZone))].sort();
  const nats = [...new Set(routed.map((r) => r.nat))];
  const gateway = net.natGateways.find((n) => n.natGatewayId === nats[0]);
  const resource = regionalArn(input, 'ec2', `vpc/${vpcId}`);
  const evidence = { privateSubnets: routed.map((r) => ({ subnetId: r.subnet.subnetId, zone: r.subnet.availabilityZone, natGateway: r.nat })), natGateways: net.natGateways.filter((n) => nats.includes(n.natGatewayId)) };
  const params = { vpc: vpcId, zones: zones.join(', ') };
  if (zones.length >= 2 && nats.length === 1 && gateway?.availabilityMode !== 'regional') {
    const natZone = net.subnets.find((s) => s.subnetId === gateway?.subnetId)?.availabilityZone ?? 'one zone';
    return { status: 'WARN', messageId: 'oneZonalNat', resource, params: { ...params, nat: nats[0]!, natZone }, evidence };
  }
  const how = gateway?.availabilityMode === 'regional' && nats.length === 1 ? `regional NAT gateway ${nats[0]}, which spans zones` : `NAT gateway(s) ${nats.join(', ')}`;
  return { status: 'PASS', messageId: 'redundant', resource, params: { ...params, how }, evidence };
}

export default defineCheck({
  id: 'ec2-nat-gateways-zone-redundant',
  title: 'Private subnets in several Availability Zones do not share one zonal NAT gateway',
  description:
    'For each VPC, finds the private subnets whose IPv4 default route (explicit route table, else the main one) leads to a NAT gateway. ' +
    'When those subnets span two or more Availability Zones and all use one zonal NAT gateway, the VPC warns: an outage of the gateway\'s ' +
    'zone cuts every zone\'s outbound traffic. One NAT gateway per zone, or a regional NAT gateway, passes. Whether outbound traffic matters ' +
    'to the service is attested.',
  requirements: { 'smb-competency': ['REL-001'] },
  severity: 'medium',
  scope: 'region',
  uses: { network },
  remediation:
    'Create a NAT gateway in a public subnet of each Availability Zone (`aws ec2 create-nat-gateway --subnet-id <public-subnet-in-zone>`) and ' +
    'give each zone\'s private subnets a route table whose 0.0.0.0/0 route targets their own zone\'s gateway.',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const byVpc = natRoutedByVpc(input.data.network);
    if (byVpc.size === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noNatRouting', resource: regionalArn(input, 'ec2', 'natgateway'), params: { region: input.region } }];
    return [...byVpc].map(([vpcId, routed]) => judgeVpc(vpcId, routed, input.data.network, input));
  },
});
