// The network, compute, storage and resilience part of the wire organization: every workload region
// (one with EC2 instances) gets security groups, subnets behind an internet gateway and one NAT
// gateway, volumes, a VPN, flow logs, RDS, DynamoDB, EFS, Auto Scaling, AWS Backup, DLM, Direct
// Connect, FIS, Resilience Hub, Image Builder, deployment tools, Lambda and ECS, tags of infrastructure
// as code and a State Manager hardening association, with one of each verdict the checks give.

import type { AccountSpec, RegionSpec, Scenario } from '../fake-aws/index.js';

const VPC = 'vpc-0a1b2c3d4e5f60001';

function ec2Additions(region: RegionSpec): NonNullable<RegionSpec['ec2']> {
  const ec2 = region.ec2 ?? {};
  const instances = (ec2.instances ?? []).map((instance, i) => ({
    ...instance,
    vpcId: VPC,
    subnetId: i === 0 ? 'subnet-0public0000000a' : 'subnet-0private000000a',
    zone: i % 2 === 0 ? 'a' : 'b',
    // The first instance is reachable from the internet; the second runs with an instance profile.
    ...(i === 0 ? { publicIp: '198.51.100.7' } : {}),
    ...(i === 1 ? { profile: 'app-server', tags: { Backup: 'daily' } } : {}),
  }));
  return {
    ...ec2,
    instances,
    launchTemplates: (ec2.launchTemplates ?? []).map((t, i) => (i === 0 ? { ...t, userData: '#!/bin/bash\nexport DB_PASSWORD=hunter2-not-real\n' } : t)),
    // The AMI of the instances: Amazon's own public image, 200 days old.
    images: (ec2.images ?? []).map((image) => ({ ...image, ownerId: '137112412989', ownerAlias: 'amazon' as const, public: true, created: '-200d' })),
    securityGroups: [
      { id: 'sg-0default000000001', name: 'default', vpcId: VPC, rules: [{ protocol: '-1', group: 'sg-0default000000001' }, { egress: true, protocol: '-1', cidr: '0.0.0.0/0' }] },
      { id: 'sg-0web0000000000001', name: 'web', vpcId: VPC, rules: [{ protocol: 'tcp', from: 443, to: 443, cidr: '0.0.0.0/0' }, { protocol: 'tcp', from: 443, to: 443, cidrV6: '::/0' }] },
      { id: 'sg-0bastion000000001', name: 'bastion', vpcId: VPC, rules: [{ protocol: 'tcp', from: 22, to: 22, cidr: '0.0.0.0/0' }] },
    ],
    subnets: [
      { id: 'subnet-0public0000000a', vpcId: VPC, zone: 'a', mapPublicIp: true },
      { id: 'subnet-0public0000000b', vpcId: VPC, zone: 'b', mapPublicIp: true },
      { id: 'subnet-0private000000a', vpcId: VPC, zone: 'a' },
      { id: 'subnet-0private000000b', vpcId: VPC, zone: 'b' },
    ],
    routeTables: [
      // The private subnets use the main table implicitly; its default route leads to one zonal NAT gateway.
      { id: 'rtb-0main000000000001', vpcId: VPC, main: true, routes: { '10.0.0.0/16': 'local', '0.0.0.0/0': 'nat-0a00000000000001' } },
      {
        id: 'rtb-0public0000000001',
        vpcId: VPC,
        subnets: ['subnet-0public0000000a', 'subnet-0public0000000b'],
        routes: { '10.0.0.0/16': 'local', '0.0.0.0/0': 'igw-0a1b2c3d4e5f60001' },
      },
    ],
    natGateways: [{ id: 'nat-0a00000000000001', vpcId: VPC, subnetId: 'subnet-0public0000000a' }],
    volumes: [
      { id: 'vol-0encrypted000001', encrypted: true, attachedTo: instances[1]?.id, tags: { Name: 'app-data' } },
      { id: 'vol-0plain0000000001', encrypted: false, attachedTo: instances[2]?.id },
      { id: 'vol-0orphan000000001', encrypted: false },
    ],
    ebsEncryptionByDefault: false,
    vpnConnections: [{ id: 'vpn-0a00000000000001', tunnels: ['UP', 'DOWN'] }],
    vpcs: [{ id: VPC }, { id: 'vpc-0default00000001', default: true }],
    flowLogs: [{ id: 'fl-0a00000000000001', resourceId: VPC }],
  };
}

function workloadAdditions(accountId: string, regionName: string, region: RegionSpec): RegionSpec {
  const ec2 = ec2Additions(region);
  const firstInstance = ec2.instances?.[0]?.id ?? 'i-0';
  const stack = { 'aws:cloudformation:stack-id': `arn:aws:cloudformation:${regionName}:${accountId}:stack/storefront/1` };
  return {
    ...region,
    ec2,
    rds: {
      instances: [
        { id: 'orders-db', multiAz: true },
        { id: 'legacy-db', public: true, backupRetention: 0, encrypted: false },
        { id: 'reports-1', engine: 'aurora-postgresql', cluster: 'reports' },
      ],
      clusters: [{ id: 'reports', tags: stack }],
    },
    dynamodb: [{ name: 'orders', pitr: true }, { name: 'sessions' }],
    efs: [{ id: 'fs-0shared000000001', backup: 'ENABLED' }, { id: 'fs-0scratch00000001', encrypted: false }],
    autoScaling: [{ name: 'web', zones: ['a', 'b'] }, { name: 'batch', zones: ['a'] }],
    backup: {
      protectedResources: [{ arn: `arn:aws:ec2:eu-west-1:${accountId}:instance/${firstInstance}`, type: 'EC2' }],
      restoreTestingPlans: [{ name: 'weekly-restore', lastRun: '-5d' }],
      restoreJobs: [{ id: 'restore-1', completed: '-5d', testingPlan: 'weekly-restore' }],
    },
    dlm: [{ description: 'daily snapshots', resourceTypes: ['INSTANCE'], targetTags: { Backup: 'daily' } }],
    directConnect: [{ id: 'dxcon-wire0001' }],
    fis: [
      { id: 'EXPAZ0001', actions: ['aws:ec2:stop-instances'], zonal: true, started: '-60d' },
      { id: 'EXPOLD001', actions: ['aws:ec2:reboot-instances'], started: '-500d' },
    ],
    resilienceHub: [{ app: 'storefront' }],
    imageBuilder: [{ name: 'golden-al2023', components: ['stig-build-linux-high'] }],
    cicd: { pipelines: ['deploy-web'], deployApplications: ['web'], buildProjects: ['web-build'] },
    lambda: [{ name: 'thumbnailer', environment: { BUCKET: 'images', API_KEY: 'not-a-real-key' }, subnets: ['subnet-0private000000a'], tags: stack }, { name: 'cron' }],
    // Load balancers' tags come from the Resource Groups Tagging API; the classic one's ARN names it.
    resourceTags: { [`arn:aws:elasticloadbalancing:${regionName}:${accountId}:loadbalancer/legacy`]: stack },
    ssmAssociations: [{ id: 'assoc-0stig0000000001', document: 'AWSEC2-ConfigureSTIG', targets: [{ key: 'tag:Hardening', values: ['stig'] }], schedule: 'rate(7 days)' }],
    ecs: {
      clusters: [{ name: 'web', services: [{ name: 'storefront', family: 'storefront' }] }],
      taskDefinitions: [{ family: 'storefront', environment: { LOG_LEVEL: 'info' }, secrets: ['DB_PASSWORD'] }, { family: 'batch' }],
    },
  };
}

function withWorkloads(account: AccountSpec): AccountSpec {
  const regions = Object.fromEntries(
    Object.entries(account.regions).map(([name, region]) => [name, region.ec2?.instances?.length ? workloadAdditions(account.id, name, region) : region]),
  );
  return { ...account, regions };
}

/** Adds the network area's resources to every region that runs EC2 instances. */
export function withNetworkArea(scenario: Scenario): Scenario {
  return { ...scenario, accounts: scenario.accounts.map(withWorkloads) };
}
