// Collectors of the EC2 network and storage datasets: security groups and their rules, subnets with
// their route tables and NAT gateways, EBS volumes and encryption by default, VPN connections, and
// VPCs with their flow logs.

import type * as SdkEc2 from '@aws-sdk/client-ec2';
import type { Route, RouteTable, SecurityGroupRule, Volume, VpnConnection } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isoDate, required, resourceArn, tagMap } from '../sdk.js';
import { ebsEncryptionByDefault, flowLogs, network, securityGroups, volumes, vpnConnections } from './datasets.js';
import type { RouteInfo, RouteTableInfo, SecurityGroupRuleInfo, VolumeInfo, VpnConnectionInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeVpnConnectionsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeFlowLogs,
  paginateDescribeNatGateways,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroupRules,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} = sdkModule<typeof SdkEc2>('@aws-sdk/client-ec2');

/**
 * Paginated calls (with MaxResults) draw on a larger throttling bucket than unpaginated ones. Each
 * page is the largest the call accepts: 1000 for most, 500 for DescribeVolumes, 100 for
 * DescribeRouteTables. A fresh input each time: paginators write their token into the input they get.
 */
const page = (MaxResults = 1000) => ({ MaxResults });

function toRule(rule: SecurityGroupRule): SecurityGroupRuleInfo {
  return {
    ruleId: required(rule.SecurityGroupRuleId, 'SecurityGroupRuleId'),
    isEgress: required(rule.IsEgress, 'IsEgress'),
    protocol: required(rule.IpProtocol, 'IpProtocol'),
    fromPort: rule.FromPort,
    toPort: rule.ToPort,
    cidrIpv4: rule.CidrIpv4,
    cidrIpv6: rule.CidrIpv6,
    prefixListId: rule.PrefixListId,
    referencedGroupId: rule.ReferencedGroupInfo?.GroupId,
    description: rule.Description,
  };
}

const collectSecurityGroups = defineCollector(securityGroups, async (ctx) => {
  const client = ctx.clients.get(EC2Client);
  // DescribeSecurityGroups gives names and VPCs; the rules, one row each, come from DescribeSecurityGroupRules.
  const [groups, rules] = await Promise.all([
    collectPages(paginateDescribeSecurityGroups({ client }, page()), (out) => out.SecurityGroups),
    collectPages(paginateDescribeSecurityGroupRules({ client }, page()), (out) => out.SecurityGroupRules),
  ]);
  const byGroup = new Map<string, SecurityGroupRule[]>();
  for (const rule of rules) {
    const groupId = required(rule.GroupId, 'GroupId');
    const list = byGroup.get(groupId);
    if (list) list.push(rule);
    else byGroup.set(groupId, [rule]);
  }
  return {
    groups: groups.map((group) => {
      const groupId = required(group.GroupId, 'GroupId');
      return {
        groupId,
        arn: group.SecurityGroupArn ?? resourceArn(ctx, 'ec2', `security-group/${groupId}`),
        name: required(group.GroupName, 'GroupName'),
        vpcId: group.VpcId,
        description: group.Description,
        rules: (byGroup.get(groupId) ?? []).map(toRule),
      };
    }),
  };
});

/** The route's destination and whichever target it names. */
function toRoute(route: Route): RouteInfo {
  const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? 'unknown';
  const target =
    route.GatewayId ??
    route.NatGatewayId ??
    route.TransitGatewayId ??
    route.VpcPeeringConnectionId ??
    route.EgressOnlyInternetGatewayId ??
    route.NetworkInterfaceId ??
    route.InstanceId ??
    route.LocalGatewayId ??
    route.CarrierGatewayId ??
    route.CoreNetworkArn ??
    'unknown';
  return { destination, target, state: route.State };
}

function toRouteTable(table: RouteTable): RouteTableInfo {
  const associations = table.Associations ?? [];
  return {
    routeTableId: required(table.RouteTableId, 'RouteTableId'),
    vpcId: required(table.VpcId, 'VpcId'),
    main: associations.some((a) => a.Main === true),
    subnetIds: associations.flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    routes: (table.Routes ?? []).map(toRoute),
  };
}

const collectNetwork = defineCollector(network, async (ctx) => {
  const client = ctx.clients.get(EC2Client);
  const [subnets, tables, nats] = await Promise.all([
    collectPages(paginateDescribeSubnets({ client }, page()), (out) => out.Subnets),
    collectPages(paginateDescribeRouteTables({ client }, page(100)), (out) => out.RouteTables),
    collectPages(paginateDescribeNatGateways({ client }, page()), (out) => out.NatGateways),
  ]);
  return {
    subnets: subnets.map((subnet) => ({
      subnetId: required(subnet.SubnetId, 'SubnetId'),
      vpcId: required(subnet.VpcId, 'VpcId'),
      availabilityZone: required(subnet.AvailabilityZone, 'AvailabilityZone'),
      cidrBlock: subnet.CidrBlock,
      mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
    })),
    routeTables: tables.map(toRouteTable),
    // Deleted gateways stay listed for about an hour; they route nothing.
    natGateways: nats
      .filter((nat) => nat.State !== 'deleted')
      .map((nat) => ({
        natGatewayId: required(nat.NatGatewayId, 'NatGatewayId'),
        vpcId: nat.VpcId,
        subnetId: nat.SubnetId,
        state: required(nat.State, 'State'),
        connectivityType: nat.ConnectivityType,
        availabilityMode: nat.AvailabilityMode,
      })),
  };
});

function toVolume(volume: Volume, ctx: { region: string; accountId: string }): VolumeInfo {
  const volumeId = required(volume.VolumeId, 'VolumeId');
  return {
    volumeId,
    arn: volume.VolumeArn ?? resourceArn(ctx, 'ec2', `volume/${volumeId}`),
    state: required(volume.State, 'State'),
    encrypted: required(volume.Encrypted, 'Encrypted'),
    kmsKeyId: volume.KmsKeyId,
    sizeGiB: volume.Size,
    volumeType: volume.VolumeType,
    availabilityZone: volume.AvailabilityZone,
    attachments: (volume.Attachments ?? []).flatMap((a) => (a.InstanceId ? [{ instanceId: a.InstanceId, state: a.State, device: a.Device }] : [])),
    tags: tagMap(volume.Tags),
  };
}

const collectVolumes = defineCollector(volumes, async (ctx) => {
  const pages = paginateDescribeVolumes({ client: ctx.clients.get(EC2Client) }, page(500));
  return { volumes: (await collectPages(pages, (out) => out.Volumes)).map((volume) => toVolume(volume, ctx)) };
});

const collectEbsEncryptionByDefault = defineCollector(ebsEncryptionByDefault, async (ctx) => {
  const out = await ctx.clients.get(EC2Client).send(new GetEbsEncryptionByDefaultCommand({}));
  return { enabled: required(out.EbsEncryptionByDefault, 'EbsEncryptionByDefault'), sseType: out.SseType };
});

function toVpnConnection(vpn: VpnConnection, ctx: { region: string; accountId: string }): VpnConnectionInfo {
  const vpnConnectionId = required(vpn.VpnConnectionId, 'VpnConnectionId');
  return {
    vpnConnectionId,
    arn: resourceArn(ctx, 'ec2', `vpn-connection/${vpnConnectionId}`),
    state: required(vpn.State, 'State'),
    vpnGatewayId: vpn.VpnGatewayId,
    transitGatewayId: vpn.TransitGatewayId,
    customerGatewayId: vpn.CustomerGatewayId,
    tunnels: (vpn.VgwTelemetry ?? []).map((t) => ({
      outsideIp: t.OutsideIpAddress,
      status: t.Status,
      statusMessage: t.StatusMessage,
      lastStatusChange: isoDate(t.LastStatusChange),
    })),
  };
}

const collectVpnConnections = defineCollector(vpnConnections, async (ctx) => {
  // DescribeVpnConnections has no pagination: one call answers every connection of the region.
  const out = await ctx.clients.get(EC2Client).send(new DescribeVpnConnectionsCommand({}));
  // Deleted connections stay listed for a while; they carry no traffic.
  const live = (out.VpnConnections ?? []).filter((vpn) => vpn.State !== 'deleted');
  return { connections: live.map((vpn) => toVpnConnection(vpn, ctx)) };
});

const collectFlowLogs = defineCollector(flowLogs, async (ctx) => {
  const client = ctx.clients.get(EC2Client);
  const [vpcs, logs] = await Promise.all([
    collectPages(paginateDescribeVpcs({ client }, page()), (out) => out.Vpcs),
    collectPages(paginateDescribeFlowLogs({ client }, page()), (out) => out.FlowLogs),
  ]);
  return {
    vpcs: vpcs.map((vpc) => ({ vpcId: required(vpc.VpcId, 'VpcId'), isDefault: vpc.IsDefault ?? false })),
    flowLogs: logs.map((log) => ({
      flowLogId: required(log.FlowLogId, 'FlowLogId'),
      resourceId: required(log.ResourceId, 'ResourceId'),
      trafficType: log.TrafficType,
      destinationType: log.LogDestinationType,
      destination: log.LogDestination ?? log.LogGroupName,
      status: log.FlowLogStatus,
      deliverStatus: log.DeliverLogsStatus,
    })),
  };
});

export const NETWORK_COLLECTORS = [collectSecurityGroups, collectNetwork, collectVolumes, collectEbsEncryptionByDefault, collectVpnConnections, collectFlowLogs];
