import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeRegionsCommand,
  EC2Client,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ec2Instances, ec2Regions, imdsDefaults, images, launchTemplates } from '../../src/datasets/ec2/datasets.js';
import { ACCOUNT_ID, awsError, collect, REGION, testContext } from './context.js';

const ec2 = mockClient(EC2Client);
// EC2 names access errors after the wire code (it models none of them).
const unauthorized = () => awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.');

beforeEach(() => ec2.reset());

describe('ec2.regions', () => {
  it('lists all regions with their opt-in status', async () => {
    ec2.on(DescribeRegionsCommand, { AllRegions: true }).resolves({
      Regions: [
        { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
      ],
    });
    expect(await collect(ec2Regions, testContext('us-east-1'))).toEqual({
      regions: [
        { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
        { name: 'af-south-1', optInStatus: 'not-opted-in' },
      ],
    });
  });
});

describe('ec2.instances', () => {
  it('pages with MaxResults 1000 through instances in every state', async () => {
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({
        Reservations: [
          {
            Instances: [
              {
                InstanceId: 'i-0aaa',
                State: { Name: 'running', Code: 16 },
                ImageId: 'ami-1',
                MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 },
                IamInstanceProfile: { Arn: 'arn:aws:iam::111122223333:instance-profile/app', Id: 'AIPA1' },
                PublicIpAddress: '198.51.100.7',
                Ipv6Address: '2001:db8::7',
                SubnetId: 'subnet-1',
                VpcId: 'vpc-1',
                Placement: { AvailabilityZone: 'eu-west-1a' },
                LaunchTime: new Date('2026-10-01T00:00:00Z'),
                Tags: [{ Key: 'Name', Value: 'web' }],
              },
            ],
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        Reservations: [
          {
            Instances: [
              { InstanceId: 'i-0bbb', State: { Name: 'stopped', Code: 80 }, MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 } },
            ],
          },
        ],
      });

    const evidence = await collect(ec2Instances, testContext());

    const calls = ec2.commandCalls(DescribeInstancesCommand);
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.args[0].input.MaxResults === 1000)).toBe(true);
    expect(calls[0]!.args[0].input.Filters).toBeUndefined();
    expect(evidence.instances).toEqual([
      {
        instanceId: 'i-0aaa',
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/i-0aaa`,
        state: 'running',
        httpTokens: 'required',
        httpEndpoint: 'enabled',
        hopLimit: 2,
        imageId: 'ami-1',
        iamInstanceProfileArn: 'arn:aws:iam::111122223333:instance-profile/app',
        publicIp: '198.51.100.7',
        ipv6Address: '2001:db8::7',
        subnetId: 'subnet-1',
        vpcId: 'vpc-1',
        availabilityZone: 'eu-west-1a',
        launchTime: '2026-10-01T00:00:00.000Z',
        tags: { Name: 'web' },
      },
      {
        instanceId: 'i-0bbb',
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/i-0bbb`,
        state: 'stopped',
        httpTokens: 'optional',
        httpEndpoint: 'enabled',
        hopLimit: 1,
        tags: {},
      },
    ]);
  });

  it('lets UnauthorizedOperation propagate', async () => {
    ec2.on(DescribeInstancesCommand).rejects(unauthorized());
    await expect(collect(ec2Instances, testContext())).rejects.toMatchObject({ name: 'UnauthorizedOperation' });
  });
});

function mockTemplates(): void {
  ec2
    .on(DescribeLaunchTemplatesCommand)
    .resolvesOnce({
      LaunchTemplates: [{ LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', DefaultVersionNumber: 3 }],
      NextToken: 'n',
    })
    .resolvesOnce({
      LaunchTemplates: [
        { LaunchTemplateId: 'lt-2', LaunchTemplateName: 'batch', DefaultVersionNumber: 1 },
        { LaunchTemplateId: 'lt-3', LaunchTemplateName: 'fresh', DefaultVersionNumber: 1 },
      ],
    });
  // Account-wide default versions; lt-3 was created after this call and is fetched by ID.
  ec2.on(DescribeLaunchTemplateVersionsCommand, { Versions: ['$Default'], LaunchTemplateId: undefined }).resolves({
    LaunchTemplateVersions: [
      {
        LaunchTemplateId: 'lt-1',
        VersionNumber: 3,
        DefaultVersion: true,
        LaunchTemplateData: { ImageId: 'ami-111', MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 } },
      },
      {
        LaunchTemplateId: 'lt-2',
        VersionNumber: 1,
        DefaultVersion: true,
        LaunchTemplateData: { ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' },
      },
    ],
  });
  ec2.on(DescribeLaunchTemplateVersionsCommand, { LaunchTemplateId: 'lt-3' }).resolves({
    LaunchTemplateVersions: [{ LaunchTemplateId: 'lt-3', VersionNumber: 1, LaunchTemplateData: { ImageId: 'ami-gone' } }],
  });
}

describe('ec2.launchTemplates', () => {
  it("reads each template's default version (account-wide, then by ID for late ones)", async () => {
    mockTemplates();

    const evidence = await collect(launchTemplates, testContext());

    expect(evidence.templates).toEqual([
      {
        id: 'lt-1',
        name: 'web',
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:launch-template/lt-1`,
        defaultVersion: 3,
        httpTokens: 'required',
        httpEndpoint: 'enabled',
        hopLimit: 1,
        imageId: 'ami-111',
      },
      {
        id: 'lt-2',
        name: 'batch',
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:launch-template/lt-2`,
        defaultVersion: 1,
        imageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      },
      { id: 'lt-3', name: 'fresh', arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:launch-template/lt-3`, defaultVersion: 1, imageId: 'ami-gone' },
    ]);
    const versionCalls = ec2.commandCalls(DescribeLaunchTemplateVersionsCommand).map((call) => call.args[0].input);
    expect(versionCalls).toHaveLength(2);
    expect(versionCalls.every((input) => input.Versions?.[0] === '$Default')).toBe(true);
    expect(ec2.commandCalls(DescribeLaunchTemplatesCommand)).toHaveLength(2);
  });
});

describe('ec2.imdsDefaults', () => {
  it('reads the account-level defaults', async () => {
    ec2.on(GetInstanceMetadataDefaultsCommand).resolves({ AccountLevel: { HttpTokens: 'required', HttpEndpoint: 'enabled' } });
    expect(await collect(imdsDefaults, testContext())).toEqual({ httpTokens: 'required', httpEndpoint: 'enabled' });
  });

  it('leaves unset defaults absent', async () => {
    ec2.on(GetInstanceMetadataDefaultsCommand).resolves({ AccountLevel: {} });
    expect(await collect(imdsDefaults, testContext())).toEqual({});
  });
});

describe('ec2.images', () => {
  it('describes the AMIs of launch templates and instances by filter; missing ones and SSM references stay unresolved', async () => {
    mockTemplates();
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-1', State: { Name: 'running' }, ImageId: 'ami-base' }, { InstanceId: 'i-2', State: { Name: 'running' }, ImageId: 'ami-111' }] }] });
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-111', ImdsSupport: 'v2.0', OwnerId: '111122223333', Public: false, CreationDate: '2026-10-01T00:00:00.000Z', Name: 'golden' },
        { ImageId: 'ami-base', OwnerId: '137112412989', ImageOwnerAlias: 'amazon', Public: true, CreationDate: '2026-01-01T00:00:00.000Z', State: 'available' },
      ],
    });

    const ctx = testContext();
    const evidence = await collect(images, ctx);

    expect(evidence).toEqual({
      images: [
        { imageId: 'ami-111', imdsSupport: 'v2.0', ownerId: '111122223333', public: false, creationDate: '2026-10-01T00:00:00.000Z', name: 'golden' },
        { imageId: 'ami-base', ownerId: '137112412989', ownerAlias: 'amazon', public: true, creationDate: '2026-01-01T00:00:00.000Z', state: 'available' },
      ],
      unresolved: ['resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64', 'ami-gone'],
    });
    const calls = ec2.commandCalls(DescribeImagesCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toMatchObject({
      Filters: [{ Name: 'image-id', Values: ['ami-111', 'ami-gone', 'ami-base'] }],
      IncludeDeprecated: true,
      IncludeDisabled: true,
    });
    // The launch templates came through ctx.dataset: a second read costs no calls.
    await ctx.dataset(launchTemplates);
    expect(ec2.commandCalls(DescribeLaunchTemplatesCommand)).toHaveLength(2);
  });

  it('batches many AMIs and makes no call when there are none', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    const ids = Array.from({ length: 150 }, (_, i) => `ami-${String(i).padStart(4, '0')}`);
    ec2.on(DescribeLaunchTemplatesCommand).resolves({
      LaunchTemplates: ids.map((_, i) => ({ LaunchTemplateId: `lt-${i}`, LaunchTemplateName: `t${i}`, DefaultVersionNumber: 1 })),
    });
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({
      LaunchTemplateVersions: ids.map((id, i) => ({ LaunchTemplateId: `lt-${i}`, VersionNumber: 1, LaunchTemplateData: { ImageId: id } })),
    });
    ec2.on(DescribeImagesCommand).callsFake((input: { Filters: { Values: string[] }[] }) => ({
      Images: input.Filters[0]!.Values.map((id) => ({ ImageId: id })),
    }));

    const evidence = await collect(images, testContext());

    const batches = ec2.commandCalls(DescribeImagesCommand).map((call) => call.args[0].input.Filters?.[0]?.Values?.length);
    expect(batches).toEqual([100, 50]);
    expect(evidence.images).toHaveLength(150);
    expect(evidence.unresolved).toEqual([]);

    ec2.reset();
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [] });
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({ LaunchTemplateVersions: [] });
    expect(await collect(images, testContext())).toEqual({ images: [], unresolved: [] });
    expect(ec2.commandCalls(DescribeImagesCommand)).toHaveLength(0);
  });
});
