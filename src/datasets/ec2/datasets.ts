// Amazon EC2 datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';
import type { ScannedText } from '../secret-scan.js';

export interface RegionInfo {
  name: string;
  optInStatus: string;
}

export interface RegionsEvidence {
  regions: RegionInfo[];
}

export interface Ec2Instance {
  instanceId: string;
  arn: string;
  state: string;
  httpTokens?: string;
  httpEndpoint?: string;
  hopLimit?: number;
  imageId?: string;
  /** ARN of the instance profile; absent when the instance has none. */
  iamInstanceProfileArn?: string;
  /** Public IPv4 address (auto-assigned or Elastic IP). */
  publicIp?: string;
  /** Primary IPv6 address: IPv6 addresses are globally routable. */
  ipv6Address?: string;
  subnetId?: string;
  vpcId?: string;
  availabilityZone?: string;
  launchTime?: string;
  /** Absent in snapshots taken before it was collected. */
  tags?: Record<string, string>;
}

export interface Ec2InstancesEvidence {
  instances: Ec2Instance[];
}

export interface LaunchTemplateInfo {
  id: string;
  name: string;
  arn: string;
  defaultVersion: number;
  httpTokens?: string;
  httpEndpoint?: string;
  hopLimit?: number;
  imageId?: string;
  /**
   * The default version's user data, never its text: a short hash, its size, and each literal it
   * assigns to a variable or each access key ID it holds, by name and hash (see secret-scan.ts).
   */
  userData?: ScannedText;
}

export interface LaunchTemplatesEvidence {
  templates: LaunchTemplateInfo[];
}

export interface ImdsDefaultsEvidence {
  httpTokens?: string;
  httpEndpoint?: string;
}

export interface ImageInfo {
  imageId: string;
  imdsSupport?: string;
  name?: string;
  ownerId?: string;
  /** `amazon`, `aws-marketplace` or `aws-backup-vault` for images AWS owns; absent otherwise. */
  ownerAlias?: string;
  public?: boolean;
  /** ISO 8601. */
  creationDate?: string;
  state?: string;
}

export interface ImagesEvidence {
  /** The AMIs launch templates and instances name, as DescribeImages describes them. */
  images: ImageInfo[];
  /** AMIs referenced by launch templates or instances that DescribeImages did not return (deregistered, or no longer shared). */
  unresolved: string[];
}

export interface SecurityGroupRuleInfo {
  ruleId: string;
  isEgress: boolean;
  /** `tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` for all traffic. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  description?: string;
}

export interface SecurityGroupInfo {
  groupId: string;
  arn: string;
  name: string;
  vpcId?: string;
  description?: string;
  rules: SecurityGroupRuleInfo[];
}

export interface SecurityGroupsEvidence {
  groups: SecurityGroupInfo[];
}

export interface SubnetInfo {
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  cidrBlock?: string;
  mapPublicIpOnLaunch: boolean;
}

export interface RouteInfo {
  /** IPv4 or IPv6 destination CIDR, or a prefix list ID. */
  destination: string;
  /** igw-, vgw-, local, nat-, tgw-, pcx-, eni-, ... : whichever target the route names. */
  target: string;
  state?: string;
}

export interface RouteTableInfo {
  routeTableId: string;
  vpcId: string;
  /** The VPC's main route table: subnets without an explicit association use it. */
  main: boolean;
  subnetIds: string[];
  routes: RouteInfo[];
}

export interface NatGatewayInfo {
  natGatewayId: string;
  vpcId?: string;
  subnetId?: string;
  state: string;
  /** `public` or `private`. */
  connectivityType?: string;
  /** `zonal`, or `regional` for a NAT gateway that spans the VPC's zones; absent means zonal. */
  availabilityMode?: string;
}

/** Subnets, route tables and NAT gateways: which subnets reach the internet, and how. */
export interface NetworkEvidence {
  subnets: SubnetInfo[];
  routeTables: RouteTableInfo[];
  natGateways: NatGatewayInfo[];
}

export interface VolumeInfo {
  volumeId: string;
  arn: string;
  /** creating, available, in-use, deleting, deleted, error. */
  state: string;
  encrypted: boolean;
  kmsKeyId?: string;
  sizeGiB?: number;
  volumeType?: string;
  availabilityZone?: string;
  attachments: { instanceId: string; state?: string; device?: string }[];
  tags: Record<string, string>;
}

export interface VolumesEvidence {
  volumes: VolumeInfo[];
}

export interface EbsEncryptionByDefaultEvidence {
  enabled: boolean;
  /** `sse-ebs` or `sse-kms` when set. */
  sseType?: string;
}

export interface VpnConnectionInfo {
  vpnConnectionId: string;
  arn: string;
  /** pending, available, deleting, deleted. */
  state: string;
  vpnGatewayId?: string;
  transitGatewayId?: string;
  customerGatewayId?: string;
  tunnels: { outsideIp?: string; status?: string; statusMessage?: string; lastStatusChange?: string }[];
}

/** The customer gateway configuration (which may hold tunnel pre-shared keys) is never read into evidence. */
export interface VpnConnectionsEvidence {
  connections: VpnConnectionInfo[];
}

export const ec2Regions = defineDataset<RegionsEvidence>({
  id: 'ec2.regions',
  scope: 'global',
  actions: ['ec2:DescribeRegions'],
});

export const ec2Instances = defineDataset<Ec2InstancesEvidence>({
  id: 'ec2.instances',
  scope: 'regional',
  actions: ['ec2:DescribeInstances'],
});

export const launchTemplates = defineDataset<LaunchTemplatesEvidence>({
  id: 'ec2.launchTemplates',
  scope: 'regional',
  actions: ['ec2:DescribeLaunchTemplates', 'ec2:DescribeLaunchTemplateVersions'],
});

export const imdsDefaults = defineDataset<ImdsDefaultsEvidence>({
  id: 'ec2.imdsDefaults',
  scope: 'regional',
  actions: ['ec2:GetInstanceMetadataDefaults'],
});

export const images = defineDataset<ImagesEvidence>({
  id: 'ec2.images',
  scope: 'regional',
  actions: ['ec2:DescribeImages'],
  dependsOn: [launchTemplates, ec2Instances],
});

export interface FlowLogInfo {
  flowLogId: string;
  /** The VPC, subnet or network interface the flow log records. */
  resourceId: string;
  /** ACCEPT, REJECT or ALL. */
  trafficType?: string;
  /** cloud-watch-logs, s3 or kinesis-data-firehose. */
  destinationType?: string;
  /** The log group ARN, bucket ARN or stream ARN. */
  destination?: string;
  status?: string;
  /** SUCCESS or FAILED. */
  deliverStatus?: string;
}

/** The region's VPCs and flow logs, for the central-logs checks of another area (they read it). */
export interface FlowLogsEvidence {
  vpcs: { vpcId: string; isDefault: boolean }[];
  flowLogs: FlowLogInfo[];
}

export const securityGroups = defineDataset<SecurityGroupsEvidence>({
  id: 'ec2.securityGroups',
  scope: 'regional',
  actions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'],
});

/**
 * Subnets, route tables and NAT gateways, collected together: whether a subnet is public, and
 * where its default route leads, can only be read from all three at once.
 */
export const network = defineDataset<NetworkEvidence>({
  id: 'ec2.network',
  scope: 'regional',
  actions: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables', 'ec2:DescribeNatGateways'],
});

export const volumes = defineDataset<VolumesEvidence>({
  id: 'ec2.volumes',
  scope: 'regional',
  actions: ['ec2:DescribeVolumes'],
});

export const ebsEncryptionByDefault = defineDataset<EbsEncryptionByDefaultEvidence>({
  id: 'ec2.ebsEncryptionByDefault',
  scope: 'regional',
  actions: ['ec2:GetEbsEncryptionByDefault'],
});

export const vpnConnections = defineDataset<VpnConnectionsEvidence>({
  id: 'ec2.vpnConnections',
  scope: 'regional',
  actions: ['ec2:DescribeVpnConnections'],
});

export const flowLogs = defineDataset<FlowLogsEvidence>({
  id: 'ec2.flowLogs',
  scope: 'regional',
  actions: ['ec2:DescribeVpcs', 'ec2:DescribeFlowLogs'],
});
