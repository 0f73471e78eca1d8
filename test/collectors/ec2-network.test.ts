import {
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeFlowLogsCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { gzipSync } from 'node:zlib';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ebsEncryptionByDefault, flowLogs, launchTemplates, network, securityGroups, volumes, vpnConnections } from '../../src/datasets/ec2/datasets.js';
import { ACCOUNT_ID, awsError, collect, REGION, testContext } from './context.js';

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

describe('ec2.securityGroups', () => {
  it('joins the rules to their groups, paging both with MaxResults 1000', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'default', VpcId: 'vpc-1' }, { GroupId: 'sg-2', GroupName: 'web', VpcId: 'vpc-1', SecurityGroupArn: 'arn:sg-2' }] });
    ec2
      .on(DescribeSecurityGroupRulesCommand)
      .resolvesOnce({ SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-2', IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' }], NextToken: 'n' })
      .resolvesOnce({ SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-2', GroupId: 'sg-1', IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, ReferencedGroupInfo: { GroupId: 'sg-1' } }] });
    const { groups } = await collect(securityGroups, testContext());
    expect(groups).toEqual([
      {
        groupId: 'sg-1',
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:security-group/sg-1`,
        name: 'default',
        vpcId: 'vpc-1',
        rules: [{ ruleId: 'sgr-2', isEgress: true, protocol: '-1', fromPort: -1, toPort: -1, referencedGroupId: 'sg-1' }],
      },
      { groupId: 'sg-2', arn: 'arn:sg-2', name: 'web', vpcId: 'vpc-1', rules: [{ ruleId: 'sgr-1', isEgress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' }] },
    ]);
    expect(ec2.commandCalls(DescribeSecurityGroupRulesCommand).every((c) => c.args[0].input.MaxResults === 1000)).toBe(true);
  });

  it('lets UnauthorizedOperation propagate', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    ec2.on(DescribeSecurityGroupRulesCommand).rejects(awsError('UnauthorizedOperation'));
    await expect(collect(securityGroups, testContext())).rejects.toMatchObject({ name: 'UnauthorizedOperation' });
  });
});

describe('ec2.network', () => {
  it('reads subnets, route tables (main flag, explicit subnets, route targets) and live NAT gateways', async () => {
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', AvailabilityZone: 'eu-west-1a', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true }] });
    ec2.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        {
          RouteTableId: 'rtb-1',
          VpcId: 'vpc-1',
          Associations: [{ Main: true }, { Main: false, SubnetId: 'subnet-1' }],
          Routes: [
            { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
            { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1', State: 'active' },
            { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'blackhole' },
          ],
        },
      ],
    });
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [{ NatGatewayId: 'nat-1', VpcId: 'vpc-1', SubnetId: 'subnet-1', State: 'available', ConnectivityType: 'public', AvailabilityMode: 'zonal' }, { NatGatewayId: 'nat-old', State: 'deleted' }] });
    const evidence = await collect(network, testContext());
    expect(evidence.subnets).toEqual([{ subnetId: 'subnet-1', vpcId: 'vpc-1', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.0.0/24', mapPublicIpOnLaunch: true }]);
    expect(evidence.routeTables).toEqual([
      {
        routeTableId: 'rtb-1',
        vpcId: 'vpc-1',
        main: true,
        subnetIds: ['subnet-1'],
        routes: [
          { destination: '10.0.0.0/16', target: 'local', state: 'active' },
          { destination: '::/0', target: 'eigw-1', state: 'active' },
          { destination: '0.0.0.0/0', target: 'nat-1', state: 'blackhole' },
        ],
      },
    ]);
    expect(evidence.natGateways.map((n) => n.natGatewayId)).toEqual(['nat-1']);
    expect(ec2.commandCalls(DescribeRouteTablesCommand)[0]!.args[0].input.MaxResults).toBe(100);
  });
});

describe('ec2.volumes, ec2.ebsEncryptionByDefault, ec2.vpnConnections', () => {
  it('reads volumes with their attachments and tags, 500 a page', async () => {
    ec2.on(DescribeVolumesCommand).resolves({
      Volumes: [{ VolumeId: 'vol-1', State: 'in-use', Encrypted: false, Size: 8, VolumeType: 'gp3', Attachments: [{ InstanceId: 'i-1', State: 'attached', Device: '/dev/xvda' }], Tags: [{ Key: 'Backup', Value: 'daily' }] }],
    });
    expect(await collect(volumes, testContext())).toEqual({
      volumes: [
        {
          volumeId: 'vol-1',
          arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:volume/vol-1`,
          state: 'in-use',
          encrypted: false,
          sizeGiB: 8,
          volumeType: 'gp3',
          attachments: [{ instanceId: 'i-1', state: 'attached', device: '/dev/xvda' }],
          tags: { Backup: 'daily' },
        },
      ],
    });
    expect(ec2.commandCalls(DescribeVolumesCommand)[0]!.args[0].input.MaxResults).toBe(500);
  });

  it('reads encryption by default', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true, SseType: 'sse-kms' });
    expect(await collect(ebsEncryptionByDefault, testContext())).toEqual({ enabled: true, sseType: 'sse-kms' });
  });

  it('reads VPN tunnels but never the customer gateway configuration; deleted connections are dropped', async () => {
    ec2.on(DescribeVpnConnectionsCommand).resolves({
      VpnConnections: [
        {
          VpnConnectionId: 'vpn-1',
          State: 'available',
          CustomerGatewayConfiguration: '<xml>psk</xml>',
          VgwTelemetry: [{ OutsideIpAddress: '203.0.113.1', Status: 'UP' }, { OutsideIpAddress: '203.0.113.2', Status: 'DOWN', StatusMessage: 'down' }],
        },
        { VpnConnectionId: 'vpn-old', State: 'deleted' },
      ],
    });
    const evidence = await collect(vpnConnections, testContext());
    expect(evidence.connections.map((c) => [c.vpnConnectionId, c.tunnels.map((t) => t.status)])).toEqual([['vpn-1', ['UP', 'DOWN']]]);
    expect(JSON.stringify(evidence)).not.toContain('psk');
  });
});

describe('ec2.flowLogs', () => {
  it('reads the VPCs and their flow logs, naming the destination', async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', IsDefault: true }] });
    ec2.on(DescribeFlowLogsCommand).resolves({ FlowLogs: [{ FlowLogId: 'fl-1', ResourceId: 'vpc-1', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', LogGroupName: 'flows', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS' }] });
    expect(await collect(flowLogs, testContext())).toEqual({
      vpcs: [{ vpcId: 'vpc-1', isDefault: true }],
      flowLogs: [{ flowLogId: 'fl-1', resourceId: 'vpc-1', trafficType: 'ALL', destinationType: 'cloud-watch-logs', destination: 'flows', status: 'ACTIVE', deliverStatus: 'SUCCESS' }],
    });
  });
});

describe('ec2.launchTemplates user data', () => {
  it('keeps a hash and the names of secret-looking assignments, never the text; gzipped user data is read too', async () => {
    const script = '#!/bin/bash\nexport API_TOKEN="t0ps3cret"\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nDB_PASSWORD=arn:aws:secretsmanager:eu-west-1:1:secret:db\n';
    ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [{ LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web' }, { LaunchTemplateId: 'lt-2', LaunchTemplateName: 'gz' }] });
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({
      LaunchTemplateVersions: [
        { LaunchTemplateId: 'lt-1', VersionNumber: 1, LaunchTemplateData: { UserData: Buffer.from(script).toString('base64') } },
        { LaunchTemplateId: 'lt-2', VersionNumber: 1, LaunchTemplateData: { UserData: gzipSync(script).toString('base64') } },
      ],
    });
    const { templates } = await collect(launchTemplates, testContext());
    expect(templates[0]!.userData!.values.map((v) => [v.name, v.secretName, v.accessKeyId, v.reference])).toEqual([
      ['API_TOKEN', true, false, false],
      ['AWS_ACCESS_KEY_ID', false, true, false],
      ['DB_PASSWORD', true, false, true],
    ]);
    expect(templates[1]!.userData).toEqual(templates[0]!.userData);
    expect(JSON.stringify(templates)).not.toMatch(/t0ps3cret|AKIAIOSFODNN7EXAMPLE/);
  });
});
