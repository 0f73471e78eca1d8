// Amazon EC2 datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

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
}

export interface LaunchTemplatesEvidence {
  templates: LaunchTemplateInfo[];
}

export interface ImdsDefaultsEvidence {
  httpTokens?: string;
  httpEndpoint?: string;
}

export interface ImagesEvidence {
  images: { imageId: string; imdsSupport?: string }[];
  /** AMIs referenced by launch templates that DescribeImages did not return. */
  unresolved: string[];
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
  dependsOn: [launchTemplates],
});
