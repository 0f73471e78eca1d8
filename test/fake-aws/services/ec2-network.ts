// EC2 (ec2Query), the network and storage operations: security groups and their rules, subnets,
// route tables, NAT gateways, volumes, EBS encryption by default, VPN connections, VPCs and flow
// logs. Registered in ec2.ts; the scenario slice is part of its Ec2Spec.

import { FakeAwsError } from '../errors.js';
import { formList, paginate, stableId } from '../params.js';
import { resolveWhen } from '../scenario.js';
import type { HandlerContext } from '../service.js';

export interface SecurityGroupRuleSpec {
  egress?: boolean;
  /** `tcp`, `udp`, `icmp` or `-1`. */
  protocol: string;
  from?: number;
  to?: number;
  cidr?: string;
  cidrV6?: string;
  /** Another group's ID, as the rule's source. */
  group?: string;
}

export interface SecurityGroupSpec {
  id: string;
  name: string;
  vpcId?: string;
  rules?: SecurityGroupRuleSpec[];
}

export interface SubnetSpec {
  id: string;
  vpcId: string;
  /** Zone suffix, e.g. `a`. */
  zone: string;
  mapPublicIp?: boolean;
}

export interface RouteTableSpec {
  id: string;
  vpcId: string;
  main?: boolean;
  /** Explicitly associated subnets. */
  subnets?: string[];
  /** Destination CIDR → target (`igw-…`, `nat-…`, `local`, …). */
  routes: Record<string, string>;
}

export interface NatGatewaySpec {
  id: string;
  vpcId: string;
  subnetId?: string;
  state?: 'pending' | 'failed' | 'available' | 'deleting' | 'deleted';
  mode?: 'zonal' | 'regional';
}

export interface VolumeSpec {
  id: string;
  encrypted?: boolean;
  state?: 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';
  /** Instance ID the volume is attached to (state becomes in-use). */
  attachedTo?: string;
  tags?: Record<string, string>;
}

export interface VpnConnectionSpec {
  id: string;
  state?: 'pending' | 'available' | 'deleting' | 'deleted';
  tunnels: ('UP' | 'DOWN')[];
}

export interface FlowLogSpec {
  id: string;
  /** The VPC, subnet or network interface. */
  resourceId: string;
  destination?: 'cloud-watch-logs' | 's3';
}

export interface Ec2NetworkSpec {
  vpcs?: { id: string; default?: boolean }[];
  flowLogs?: FlowLogSpec[];
  securityGroups?: SecurityGroupSpec[];
  subnets?: SubnetSpec[];
  routeTables?: RouteTableSpec[];
  natGateways?: NatGatewaySpec[];
  volumes?: VolumeSpec[];
  ebsEncryptionByDefault?: boolean;
  vpnConnections?: VpnConnectionSpec[];
}

type Spec = (ctx: HandlerContext) => Ec2NetworkSpec;

export const tagSet = (tags: Record<string, string> | undefined) => Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));

/** MaxResults within the call's range, as EC2 checks it; without it, the largest page. */
export function pageSize(form: URLSearchParams, min: number, max: number): number {
  const raw = form.get('MaxResults');
  if (raw === null) return max;
  const size = Number(raw);
  if (!(size >= min && size <= max)) {
    throw new FakeAwsError('InvalidParameterValue', 400, `Value ( ${raw} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`);
  }
  return size;
}

function page<T>(ctx: HandlerContext, items: T[], min: number, max: number): { items: T[]; nextToken?: string } {
  return paginate(items, ctx.input.form.get('NextToken'), pageSize(ctx.input.form, min, max), 'InvalidParameterValue');
}

export function networkOperations(spec: Spec) {
  return {
    DescribeSecurityGroups: (ctx: HandlerContext) => {
      const groups = page(ctx, spec(ctx).securityGroups ?? [], 5, 1000);
      return {
        securityGroupInfo: groups.items.map((g) => ({
          groupId: g.id,
          groupName: g.name,
          groupDescription: `${g.name} security group`,
          vpcId: g.vpcId,
          ownerId: ctx.account.id,
          securityGroupArn: `arn:aws:ec2:${ctx.region}:${ctx.account.id}:security-group/${g.id}`,
        })),
        nextToken: groups.nextToken,
      };
    },
    DescribeSecurityGroupRules: (ctx: HandlerContext) => {
      const rules = (spec(ctx).securityGroups ?? []).flatMap((g) => (g.rules ?? []).map((rule, i) => ({ g, rule, i })));
      const rows = page(ctx, rules, 5, 1000);
      return {
        securityGroupRuleSet: rows.items.map(({ g, rule, i }) => ({
          securityGroupRuleId: `sgr-${stableId(`${g.id}/${i}`, 17)}`,
          groupId: g.id,
          groupOwnerId: ctx.account.id,
          isEgress: rule.egress ?? false,
          ipProtocol: rule.protocol,
          fromPort: rule.protocol === '-1' ? -1 : rule.from,
          toPort: rule.protocol === '-1' ? -1 : rule.to,
          cidrIpv4: rule.cidr,
          cidrIpv6: rule.cidrV6,
          referencedGroupInfo: rule.group ? { groupId: rule.group, userId: ctx.account.id } : undefined,
        })),
        nextToken: rows.nextToken,
      };
    },
    DescribeSubnets: (ctx: HandlerContext) => {
      const subnets = page(ctx, spec(ctx).subnets ?? [], 5, 1000);
      return {
        subnetSet: subnets.items.map((s, i) => ({
          subnetId: s.id,
          vpcId: s.vpcId,
          availabilityZone: `${ctx.region}${s.zone}`,
          cidrBlock: `10.0.${i}.0/24`,
          state: 'available',
          mapPublicIpOnLaunch: s.mapPublicIp ?? false,
          defaultForAz: false,
        })),
        nextToken: subnets.nextToken,
      };
    },
    DescribeRouteTables: (ctx: HandlerContext) => {
      const tables = page(ctx, spec(ctx).routeTables ?? [], 5, 100);
      return {
        routeTableSet: tables.items.map((t) => ({
          routeTableId: t.id,
          vpcId: t.vpcId,
          ownerId: ctx.account.id,
          // The main association carries no subnet ID: subnets without an explicit one use it implicitly.
          associationSet: [
            ...(t.main ? [{ main: true, routeTableAssociationId: `rtbassoc-${stableId(t.id, 17)}`, routeTableId: t.id }] : []),
            ...(t.subnets ?? []).map((subnetId) => ({ main: false, routeTableAssociationId: `rtbassoc-${stableId(subnetId, 17)}`, routeTableId: t.id, subnetId })),
          ],
          routeSet: Object.entries(t.routes).map(([destination, target]) => route(destination, target)),
        })),
        nextToken: tables.nextToken,
      };
    },
    DescribeNatGateways: (ctx: HandlerContext) => {
      const nats = page(ctx, spec(ctx).natGateways ?? [], 5, 1000);
      return {
        natGatewaySet: nats.items.map((n) => ({
          natGatewayId: n.id,
          vpcId: n.vpcId,
          subnetId: n.mode === 'regional' ? undefined : n.subnetId,
          state: n.state ?? 'available',
          connectivityType: 'public',
          availabilityMode: n.mode ?? 'zonal',
          createTime: resolveWhen('-100d', ctx.now),
        })),
        nextToken: nats.nextToken,
      };
    },
    DescribeVolumes: (ctx: HandlerContext) => {
      const volumes = page(ctx, spec(ctx).volumes ?? [], 5, 500);
      return {
        volumeSet: volumes.items.map((v) => ({
          volumeId: v.id,
          size: 8,
          volumeType: 'gp3',
          availabilityZone: `${ctx.region}a`,
          status: v.state ?? (v.attachedTo ? 'in-use' : 'available'),
          encrypted: v.encrypted ?? false,
          createTime: resolveWhen('-200d', ctx.now),
          attachmentSet: v.attachedTo ? [{ volumeId: v.id, instanceId: v.attachedTo, device: '/dev/xvda', status: 'attached', deleteOnTermination: true }] : [],
          tagSet: tagSet(v.tags),
        })),
        nextToken: volumes.nextToken,
      };
    },
    GetEbsEncryptionByDefault: (ctx: HandlerContext) => {
      const enabled = spec(ctx).ebsEncryptionByDefault ?? false;
      return { ebsEncryptionByDefault: enabled, sseType: enabled ? 'sse-ebs' : undefined };
    },
    DescribeVpcs: (ctx: HandlerContext) => {
      const vpcs = page(ctx, spec(ctx).vpcs ?? [], 5, 1000);
      return {
        vpcSet: vpcs.items.map((v, i) => ({ vpcId: v.id, ownerId: ctx.account.id, state: 'available', cidrBlock: `10.${i}.0.0/16`, isDefault: v.default ?? false, instanceTenancy: 'default' })),
        nextToken: vpcs.nextToken,
      };
    },
    DescribeFlowLogs: (ctx: HandlerContext) => {
      const logs = page(ctx, spec(ctx).flowLogs ?? [], 1, 1000);
      return {
        flowLogSet: logs.items.map((f) => ({
          flowLogId: f.id,
          resourceId: f.resourceId,
          trafficType: 'ALL',
          logDestinationType: f.destination ?? 'cloud-watch-logs',
          logDestination:
            (f.destination ?? 'cloud-watch-logs') === 's3' ? `arn:aws:s3:::flow-logs-${ctx.account.id}` : `arn:aws:logs:${ctx.region}:${ctx.account.id}:log-group:vpc-flow-logs`,
          flowLogStatus: 'ACTIVE',
          deliverLogsStatus: 'SUCCESS',
          creationTime: resolveWhen('-300d', ctx.now),
        })),
        nextToken: logs.nextToken,
      };
    },
    DescribeVpnConnections: (ctx: HandlerContext) => {
      const ids = formList(ctx.input.form, 'VpnConnectionId');
      const connections = (spec(ctx).vpnConnections ?? []).filter((v) => ids.length === 0 || ids.includes(v.id));
      return {
        vpnConnectionSet: connections.map((v) => ({
          vpnConnectionId: v.id,
          state: v.state ?? 'available',
          type: 'ipsec.1',
          category: 'VPN',
          customerGatewayId: `cgw-${stableId(v.id, 17)}`,
          vpnGatewayId: `vgw-${stableId(v.id, 17)}`,
          vgwTelemetry: v.tunnels.map((status, i) => ({
            outsideIpAddress: `203.0.113.${10 + i}`,
            status,
            statusMessage: status === 'UP' ? '' : 'IPSEC IS DOWN',
            lastStatusChange: resolveWhen('-2h', ctx.now),
            acceptedRouteCount: status === 'UP' ? 1 : 0,
          })),
        })),
      };
    },
  };
}

function route(destination: string, target: string): Record<string, unknown> {
  const key = destination.includes(':') ? 'destinationIpv6CidrBlock' : 'destinationCidrBlock';
  const via = target.startsWith('nat-') ? { natGatewayId: target } : target.startsWith('tgw-') ? { transitGatewayId: target } : { gatewayId: target };
  return { [key]: destination, ...via, state: 'active', origin: target === 'local' ? 'CreateRouteTable' : 'CreateRoute' };
}
