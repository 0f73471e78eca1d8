import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { autoScalingGroups } from '../../src/datasets/autoscaling/datasets.js';
import { awsError, collect, testContext } from './context.js';

const autoscaling = mockClient(AutoScalingClient);
beforeEach(() => autoscaling.reset());

describe('autoscaling.groups', () => {
  it('pages groups without their instances and keeps zones and tags', async () => {
    autoscaling.on(DescribeAutoScalingGroupsCommand).resolves({
      AutoScalingGroups: [{ AutoScalingGroupName: 'web', AutoScalingGroupARN: 'arn:web', AvailabilityZones: ['eu-west-1a'], MinSize: 1, MaxSize: 2, DesiredCapacity: 1, DefaultCooldown: 1, HealthCheckType: 'EC2', CreatedTime: new Date(), Tags: [{ Key: 'Team', Value: 'web' }] }],
    });
    expect(await collect(autoScalingGroups, testContext())).toEqual({
      groups: [{ name: 'web', arn: 'arn:web', availabilityZones: ['eu-west-1a'], minSize: 1, maxSize: 2, desiredCapacity: 1, tags: { Team: 'web' } }],
    });
    expect(autoscaling.commandCalls(DescribeAutoScalingGroupsCommand)[0]!.args[0].input).toEqual({ MaxRecords: 100, IncludeInstances: false });
  });

  it('lets a refusal propagate', async () => {
    autoscaling.on(DescribeAutoScalingGroupsCommand).rejects(awsError('AccessDenied'));
    await expect(collect(autoScalingGroups, testContext())).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
