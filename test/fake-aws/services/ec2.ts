// EC2 (ec2Query): regions, instances with their metadata options, launch templates, account
// IMDS defaults and images; the network and storage operations are in ec2-network.ts.

import { FakeAwsError } from '../errors.js';
import { ec2Filters, formList, paginate } from '../params.js';
import { ec2Query } from '../protocols/ec2-query.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';
import { networkOperations, pageSize, tagSet, type Ec2NetworkSpec } from './ec2-network.js';

export interface MetadataOptionsSpec {
  httpTokens?: 'optional' | 'required';
  httpEndpoint?: 'enabled' | 'disabled';
  hopLimit?: number;
}

export interface Ec2Spec extends Ec2NetworkSpec {
  instances?: ({
    id: string;
    state?: 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
    imageId?: string;
    instanceType?: string;
    subnetId?: string;
    vpcId?: string;
    /** Zone suffix; default `a`. */
    zone?: string;
    publicIp?: string;
    ipv6?: string;
    /** Instance profile name. */
    profile?: string;
    launched?: When;
    tags?: Record<string, string>;
  } & MetadataOptionsSpec)[];
  /** `userData` is the plain text; EC2 returns it base64-encoded. */
  launchTemplates?: ({ id: string; name: string; imageId?: string; defaultVersion?: number; userData?: string } & MetadataOptionsSpec)[];
  images?: {
    id: string;
    imdsSupport?: 'v2.0';
    /** Default: the calling account. */
    ownerId?: string;
    ownerAlias?: 'amazon' | 'aws-marketplace';
    public?: boolean;
    /** Default `-30d`. */
    created?: When;
  }[];
  /** Account-level IMDS defaults of the region (GetInstanceMetadataDefaults). */
  imdsDefaults?: MetadataOptionsSpec;
}

declare module '../scenario.js' {
  interface RegionSpec {
    ec2?: Ec2Spec;
  }
}

const STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

function ec2Of(ctx: HandlerContext): Ec2Spec {
  return ctx.regionSpec.ec2 ?? {};
}

function describeRegions(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const all = form.get('AllRegions') === 'true';
  const names = formList(form, 'RegionName');
  const regions = Object.entries(ctx.account.regions)
    .map(([name, spec]) => ({ name, optIn: spec.optInStatus ?? 'opt-in-not-required' }))
    .filter((r) => all || r.optIn !== 'not-opted-in')
    .filter((r) => names.length === 0 || names.includes(r.name));
  return {
    regionInfo: regions.map((r) => ({ regionName: r.name, regionEndpoint: `ec2.${r.name}.amazonaws.com`, optInStatus: r.optIn })),
  };
}

/** Metadata options as EC2 writes them; a template only carries the fields it sets. */
function metadataOptions(spec: MetadataOptionsSpec, defaults: Required<MetadataOptionsSpec> | undefined): Record<string, unknown> {
  return {
    httpTokens: spec.httpTokens ?? defaults?.httpTokens,
    httpPutResponseHopLimit: spec.hopLimit ?? defaults?.hopLimit,
    httpEndpoint: spec.httpEndpoint ?? defaults?.httpEndpoint,
  };
}

function describeInstances(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const ids = formList(form, 'InstanceId');
  if (ids.length > 0 && form.has('MaxResults')) {
    throw new FakeAwsError('InvalidParameterCombination', 400, 'The parameter instancesSet cannot be used with the parameter maxResults');
  }
  const states = ec2Filters(form).get('instance-state-name');
  const instances = (ec2Of(ctx).instances ?? [])
    .filter((i) => ids.length === 0 || ids.includes(i.id))
    .filter((i) => !states || states.includes(i.state ?? 'running'));
  const page = paginate(instances, form.get('NextToken'), pageSize(form, 5, 1000), 'InvalidParameterValue');
  const imdsOn = { httpTokens: 'required', hopLimit: 2, httpEndpoint: 'enabled' } as const;
  return {
    reservationSet: page.items.map((i) => ({
      reservationId: `r-${i.id.slice(2)}`,
      ownerId: ctx.account.id,
      groupSet: [],
      instancesSet: [
        {
          instanceId: i.id,
          imageId: i.imageId ?? 'ami-0fake00000000000',
          instanceState: { code: STATE_CODES[i.state ?? 'running'], name: i.state ?? 'running' },
          instanceType: i.instanceType ?? 't3.micro',
          placement: { availabilityZone: `${ctx.region}${i.zone ?? 'a'}` },
          launchTime: resolveWhen(i.launched ?? '-20d', ctx.now),
          subnetId: i.subnetId,
          vpcId: i.vpcId,
          ipAddress: i.publicIp,
          ipv6Address: i.ipv6,
          iamInstanceProfile: i.profile ? { arn: `arn:aws:iam::${ctx.account.id}:instance-profile/${i.profile}`, id: `AIPA${i.profile.toUpperCase()}` } : undefined,
          tagSet: tagSet(i.tags),
          metadataOptions: { state: 'applied', ...metadataOptions(i, imdsOn), httpProtocolIpv6: 'disabled', instanceMetadataTags: 'disabled' },
        },
      ],
    })),
    nextToken: page.nextToken,
  };
}

function describeLaunchTemplates(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const ids = formList(form, 'LaunchTemplateId');
  const templates = (ec2Of(ctx).launchTemplates ?? []).filter((t) => ids.length === 0 || ids.includes(t.id));
  const page = paginate(templates, form.get('NextToken'), pageSize(form, 1, 200), 'InvalidParameterValue');
  return {
    launchTemplates: page.items.map((t) => ({
      launchTemplateId: t.id,
      launchTemplateName: t.name,
      createTime: new Date(ctx.now.getTime() - 90 * 86_400_000),
      createdBy: `arn:aws:iam::${ctx.account.id}:root`,
      defaultVersionNumber: t.defaultVersion ?? 1,
      latestVersionNumber: t.defaultVersion ?? 1,
    })),
    nextToken: page.nextToken,
  };
}

type TemplateSpec = NonNullable<Ec2Spec['launchTemplates']>[number];

function templateVersion(ctx: HandlerContext, template: TemplateSpec): unknown {
  const options = metadataOptions(template, undefined);
  const hasOptions = Object.values(options).some((v) => v !== undefined);
  return {
    launchTemplateId: template.id,
    launchTemplateName: template.name,
    versionNumber: template.defaultVersion ?? 1,
    defaultVersion: true,
    createTime: new Date(ctx.now.getTime() - 90 * 86_400_000),
    launchTemplateData: {
      imageId: template.imageId,
      metadataOptions: hasOptions ? options : undefined,
      userData: template.userData === undefined ? undefined : Buffer.from(template.userData).toString('base64'),
    },
  };
}

/**
 * One template by ID or name, or, without either, the `$Default`/`$Latest` version of every
 * template of the region (the account-wide form AWS documents). Each template has one version.
 */
function describeLaunchTemplateVersions(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const id = form.get('LaunchTemplateId');
  const name = form.get('LaunchTemplateName');
  const wanted = [...formList(form, 'LaunchTemplateVersion'), ...formList(form, 'Versions')];
  const all = ec2Of(ctx).launchTemplates ?? [];
  if (id === null && name === null) {
    if (!wanted.every((v) => v === '$Default' || v === '$Latest') || wanted.length === 0) {
      throw new FakeAwsError('MissingParameter', 400, 'A launch template ID or name is required unless only $Latest or $Default versions are requested.');
    }
    const page = paginate(all, form.get('NextToken'), pageSize(form, 1, 200), 'InvalidParameterValue');
    return { launchTemplateVersionSet: page.items.map((t) => templateVersion(ctx, t)), nextToken: page.nextToken };
  }
  const template = all.find((t) => t.id === id || t.name === name);
  if (!template) {
    throw new FakeAwsError('InvalidLaunchTemplateId.NotFound', 400, `The specified launch template, with template ID ${id ?? name}, does not exist.`);
  }
  const version = template.defaultVersion ?? 1;
  const matches = wanted.length === 0 || wanted.some((v) => v === '$Default' || v === '$Latest' || Number(v) === version);
  return { launchTemplateVersionSet: matches ? [templateVersion(ctx, template)] : [] };
}

function getInstanceMetadataDefaults(ctx: HandlerContext): unknown {
  const defaults = ec2Of(ctx).imdsDefaults ?? {};
  return { accountLevel: metadataOptions(defaults, undefined) };
}

function describeImages(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const ids = formList(form, 'ImageId');
  const filtered = ec2Filters(form).get('image-id');
  const known = ec2Of(ctx).images ?? [];
  const missing = ids.filter((id) => !known.some((img) => img.id === id));
  if (missing.length > 0) {
    throw new FakeAwsError('InvalidAMIID.NotFound', 400, `The image id '[${missing.join(', ')}]' does not exist`);
  }
  const images = known.filter((img) => (ids.length === 0 || ids.includes(img.id)) && (!filtered || filtered.includes(img.id)));
  return {
    imagesSet: images.map((img) => ({
      imageId: img.id,
      imageState: 'available',
      imageOwnerId: img.ownerId ?? ctx.account.id,
      imageOwnerAlias: img.ownerAlias,
      isPublic: img.public ?? false,
      creationDate: resolveWhen(img.created ?? '-30d', ctx.now).toISOString(),
      name: `image-${img.id}`,
      imdsSupport: img.imdsSupport,
    })),
  };
}

export const ec2 = defineService({
  signingName: 'ec2',
  actionPrefix: 'ec2',
  protocol: ec2Query,
  operations: {
    DescribeRegions: describeRegions,
    DescribeInstances: describeInstances,
    DescribeLaunchTemplates: describeLaunchTemplates,
    DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
    GetInstanceMetadataDefaults: getInstanceMetadataDefaults,
    DescribeImages: describeImages,
    ...networkOperations(ec2Of),
  },
});
