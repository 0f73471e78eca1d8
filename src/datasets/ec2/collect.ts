import type * as SdkEc2 from '@aws-sdk/client-ec2';
import type { Image, Instance, LaunchTemplate, LaunchTemplateVersion } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../contract/collector.js';
import { ec2Regions, ec2Instances, launchTemplates, imdsDefaults, images } from './datasets.js';
import type { Ec2Instance, ImageInfo, LaunchTemplateInfo } from './datasets.js';
import { collectPages, isoDate, required, resourceArn, tagMap } from '../sdk.js';
import { decodeUserData, scanText } from '../secret-scan.js';
import { NETWORK_COLLECTORS } from './collect-network.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeLaunchTemplateVersionsCommand,
  DescribeRegionsCommand,
  EC2Client,
  GetInstanceMetadataDefaultsCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
} = sdkModule<typeof SdkEc2>('@aws-sdk/client-ec2');
type EC2Client = SdkEc2.EC2Client;

const collectEc2Regions = defineCollector(ec2Regions, async (ctx) => {
  const { Regions } = await ctx.clients.get(EC2Client).send(new DescribeRegionsCommand({ AllRegions: true }));
  return {
    regions: (Regions ?? []).map((region) => ({
      name: required(region.RegionName, 'RegionName'),
      optInStatus: required(region.OptInStatus, 'OptInStatus'),
    })),
  };
});

/** The largest page size; unpaginated DescribeInstances calls draw on a smaller throttling bucket. */
export const EC2_PAGE_SIZE = 1000;

function toInstance(instance: Instance, region: string, accountId: string): Ec2Instance {
  const instanceId = required(instance.InstanceId, 'InstanceId');
  const metadata = instance.MetadataOptions;
  return {
    instanceId,
    arn: resourceArn({ region, accountId }, 'ec2', `instance/${instanceId}`),
    state: required(instance.State?.Name, 'State.Name'),
    httpTokens: metadata?.HttpTokens,
    httpEndpoint: metadata?.HttpEndpoint,
    hopLimit: metadata?.HttpPutResponseHopLimit,
    imageId: instance.ImageId,
    iamInstanceProfileArn: instance.IamInstanceProfile?.Arn,
    publicIp: instance.PublicIpAddress,
    ipv6Address: instance.Ipv6Address,
    subnetId: instance.SubnetId,
    vpcId: instance.VpcId,
    availabilityZone: instance.Placement?.AvailabilityZone,
    launchTime: isoDate(instance.LaunchTime),
    tags: tagMap(instance.Tags),
  };
}

const collectEc2Instances = defineCollector(ec2Instances, async (ctx) => {
  // No state filter: stopped instances keep their metadata options and can be started again.
  const pages = paginateDescribeInstances({ client: ctx.clients.get(EC2Client) }, { MaxResults: EC2_PAGE_SIZE });
  const reservations = await collectPages(pages, (page) => page.Reservations);
  const instances = reservations.flatMap((reservation) => reservation.Instances ?? []);
  return { instances: instances.map((instance) => toInstance(instance, ctx.region, ctx.accountId)) };
});

const DEFAULT_VERSION = '$Default';

/** Every template's default version: one paginated call without a template ID covers them all. */
async function defaultVersions(client: EC2Client): Promise<Map<string, LaunchTemplateVersion>> {
  const pages = paginateDescribeLaunchTemplateVersions({ client }, { Versions: [DEFAULT_VERSION] });
  const versions = await collectPages(pages, (page) => page.LaunchTemplateVersions);
  return new Map(versions.map((version) => [required(version.LaunchTemplateId, 'LaunchTemplateId'), version]));
}

/** For a template created after the account-wide call: ask for its default version by ID. */
async function defaultVersionOf(client: EC2Client, templateId: string): Promise<LaunchTemplateVersion> {
  const out = await client.send(
    new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: templateId, Versions: [DEFAULT_VERSION] }),
  );
  return required(out.LaunchTemplateVersions?.[0], `default version of launch template ${templateId}`);
}

function toTemplate(template: LaunchTemplate, version: LaunchTemplateVersion, region: string, accountId: string): LaunchTemplateInfo {
  const id = required(template.LaunchTemplateId, 'LaunchTemplateId');
  const data = version.LaunchTemplateData;
  return {
    id,
    name: required(template.LaunchTemplateName, 'LaunchTemplateName'),
    arn: resourceArn({ region, accountId }, 'ec2', `launch-template/${id}`),
    defaultVersion: required(version.VersionNumber, 'VersionNumber'),
    httpTokens: data?.MetadataOptions?.HttpTokens,
    httpEndpoint: data?.MetadataOptions?.HttpEndpoint,
    hopLimit: data?.MetadataOptions?.HttpPutResponseHopLimit,
    // May be an SSM parameter reference (`resolve:ssm:...`), kept as written.
    imageId: data?.ImageId,
    ...(data?.UserData ? { userData: scanText(decodeUserData(data.UserData)) } : {}),
  };
}

const collectLaunchTemplates = defineCollector(launchTemplates, async (ctx) => {
  const client = ctx.clients.get(EC2Client);
  const [templates, versions] = await Promise.all([
    collectPages(paginateDescribeLaunchTemplates({ client }, {}), (page) => page.LaunchTemplates),
    defaultVersions(client),
  ]);
  const infos = await Promise.all(
    templates.map(async (template) => {
      const id = required(template.LaunchTemplateId, 'LaunchTemplateId');
      const version = versions.get(id) ?? (await defaultVersionOf(client, id));
      return toTemplate(template, version, ctx.region, ctx.accountId);
    }),
  );
  return { templates: infos };
});

const collectImdsDefaults = defineCollector(imdsDefaults, async (ctx) => {
  const { AccountLevel } = await ctx.clients.get(EC2Client).send(new GetInstanceMetadataDefaultsCommand({}));
  // Absent values mean "no account-level preference".
  return { httpTokens: AccountLevel?.HttpTokens, httpEndpoint: AccountLevel?.HttpEndpoint };
});

/** Image IDs per DescribeImages call, as values of one `image-id` filter. */
const IMAGE_BATCH = 100;
const SSM_REFERENCE = 'resolve:ssm:';

function batches<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function toImage(image: Image): ImageInfo {
  return {
    imageId: required(image.ImageId, 'ImageId'),
    imdsSupport: image.ImdsSupport,
    name: image.Name,
    ownerId: image.OwnerId,
    ownerAlias: image.ImageOwnerAlias,
    public: image.Public,
    creationDate: isoDate(image.CreationDate),
    state: image.State,
  };
}

const collectImages = defineCollector(images, async (ctx) => {
  const [{ templates }, { instances }] = await Promise.all([ctx.dataset(launchTemplates), ctx.dataset(ec2Instances)]);
  const named = [...templates.map((t) => t.imageId), ...instances.map((i) => i.imageId)];
  const referenced = [...new Set(named.flatMap((id) => (id ? [id] : [])))];
  // SSM references are not resolved here (that would need SSM access): they stay unresolved.
  const amiIds = referenced.filter((id) => !id.startsWith(SSM_REFERENCE));
  const client = ctx.clients.get(EC2Client);
  // A filter (unlike ImageIds) does not fail the whole call when one AMI no longer exists.
  const found = await Promise.all(
    batches(amiIds, IMAGE_BATCH).map((ids) =>
      collectPages(
        paginateDescribeImages(
          { client },
          { Filters: [{ Name: 'image-id', Values: ids }], IncludeDeprecated: true, IncludeDisabled: true },
        ),
        (page) => page.Images,
      ),
    ),
  );
  const described = found.flat().map(toImage);
  const seen = new Set(described.map((image) => image.imageId));
  return { images: described, unresolved: referenced.filter((id) => !seen.has(id)) };
});

export const COLLECTORS = [collectEc2Regions, collectEc2Instances, collectLaunchTemplates, collectImdsDefaults, collectImages, ...NETWORK_COLLECTORS];
