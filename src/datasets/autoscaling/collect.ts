import type * as SdkAutoScaling from '@aws-sdk/client-auto-scaling';
import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, required, tagMap } from '../sdk.js';
import { autoScalingGroups, type AutoScalingGroupInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { AutoScalingClient, paginateDescribeAutoScalingGroups } = sdkModule<typeof SdkAutoScaling>('@aws-sdk/client-auto-scaling');

function toGroup(group: AutoScalingGroup): AutoScalingGroupInfo {
  return {
    name: required(group.AutoScalingGroupName, 'AutoScalingGroupName'),
    arn: required(group.AutoScalingGroupARN, 'AutoScalingGroupARN'),
    availabilityZones: group.AvailabilityZones ?? [],
    minSize: required(group.MinSize, 'MinSize'),
    maxSize: required(group.MaxSize, 'MaxSize'),
    desiredCapacity: required(group.DesiredCapacity, 'DesiredCapacity'),
    tags: tagMap(group.Tags),
  };
}

const collectGroups = defineCollector(autoScalingGroups, async (ctx) => {
  // 100 is the largest page; instance lists are not needed, only where the group may place them.
  const pages = paginateDescribeAutoScalingGroups({ client: ctx.clients.get(AutoScalingClient) }, { MaxRecords: 100, IncludeInstances: false });
  return { groups: (await collectPages(pages, (page) => page.AutoScalingGroups)).map(toGroup) };
});

export const COLLECTORS = [collectGroups];
