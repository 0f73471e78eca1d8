// Which route table a subnet uses and where its default routes lead: public subnets (a default
// route to an internet gateway) for NETSEC-002, NAT gateways behind private subnets for REL-001.

import type { NetworkEvidence, RouteTableInfo, SubnetInfo } from '../../src/datasets/ec2/datasets.js';

export type IpFamily = 'ipv4' | 'ipv6';
const DEFAULT_ROUTE: Record<IpFamily, string> = { ipv4: '0.0.0.0/0', ipv6: '::/0' };

/**
 * The subnet's explicitly associated table, else its VPC's main table: DescribeRouteTables lists
 * no subnet for implicit associations
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html).
 */
export function routeTableOf(subnet: SubnetInfo, network: NetworkEvidence): RouteTableInfo | undefined {
  const explicit = network.routeTables.find((t) => t.subnetIds.includes(subnet.subnetId));
  return explicit ?? network.routeTables.find((t) => t.vpcId === subnet.vpcId && t.main);
}

/** Where the table's active default route of the family leads (`igw-…`, `nat-…`, …). */
export function defaultTarget(table: RouteTableInfo | undefined, family: IpFamily): string | undefined {
  return table?.routes.find((r) => r.destination === DEFAULT_ROUTE[family] && r.state !== 'blackhole')?.target;
}

/** Public for the family: its default route leads to an internet gateway. */
export function isPublic(subnet: SubnetInfo, network: NetworkEvidence, family: IpFamily): boolean {
  return defaultTarget(routeTableOf(subnet, network), family)?.startsWith('igw-') ?? false;
}

export function publicSubnets(network: NetworkEvidence): SubnetInfo[] {
  return network.subnets.filter((s) => isPublic(s, network, 'ipv4') || isPublic(s, network, 'ipv6'));
}
