import { defineCollector } from '../collector.js';
import type { RegionsEvidence, Ec2InstancesEvidence, LaunchTemplatesEvidence, ImdsDefaultsEvidence, ImagesEvidence } from '../evidence.js';

export const ec2Regions = defineCollector<RegionsEvidence>({
  id: 'ec2.regions',
  scope: 'global',
  actions: ['ec2:DescribeRegions'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement ec2.regions');
  },
});

export const ec2Instances = defineCollector<Ec2InstancesEvidence>({
  id: 'ec2.instances',
  scope: 'regional',
  actions: ['ec2:DescribeInstances'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement ec2.instances');
  },
});

export const launchTemplates = defineCollector<LaunchTemplatesEvidence>({
  id: 'ec2.launchTemplates',
  scope: 'regional',
  actions: ['ec2:DescribeLaunchTemplates', 'ec2:DescribeLaunchTemplateVersions'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement ec2.launchTemplates');
  },
});

export const imdsDefaults = defineCollector<ImdsDefaultsEvidence>({
  id: 'ec2.imdsDefaults',
  scope: 'regional',
  actions: ['ec2:GetInstanceMetadataDefaults'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement ec2.imdsDefaults');
  },
});

export const images = defineCollector<ImagesEvidence>({
  id: 'ec2.images',
  scope: 'regional',
  actions: ['ec2:DescribeImages'],
  dependsOn: [launchTemplates],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement ec2.images');
  },
});
