// Auto Scaling (awsQuery, 2011-01-01): groups with the zones they may place instances in.

import { FakeAwsError } from '../errors.js';
import { paginate } from '../params.js';
import { awsQuery } from '../protocols/query.js';
import { resolveWhen } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface AutoScalingGroupSpec {
  name: string;
  /** Zone suffixes; default a, b. */
  zones?: string[];
  min?: number;
  max?: number;
  tags?: Record<string, string>;
}

declare module '../scenario.js' {
  interface RegionSpec {
    autoScaling?: AutoScalingGroupSpec[];
  }
}

function describeAutoScalingGroups(ctx: HandlerContext): unknown {
  const raw = ctx.input.form.get('MaxRecords');
  const size = raw === null ? 50 : Number(raw);
  if (!(size >= 1 && size <= 100)) throw new FakeAwsError('ValidationError', 400, `MaxRecords must be between 1 and 100`);
  const page = paginate(ctx.regionSpec.autoScaling ?? [], ctx.input.form.get('NextToken'), size, 'InvalidNextToken');
  return {
    AutoScalingGroups: page.items.map((g) => ({
      AutoScalingGroupName: g.name,
      AutoScalingGroupARN: `arn:aws:autoscaling:${ctx.region}:${ctx.account.id}:autoScalingGroup:00000000-0000-0000-0000-000000000000:autoScalingGroupName/${g.name}`,
      MinSize: g.min ?? 1,
      MaxSize: g.max ?? 3,
      DesiredCapacity: g.min ?? 1,
      DefaultCooldown: 300,
      AvailabilityZones: (g.zones ?? ['a', 'b']).map((z) => `${ctx.region}${z}`),
      HealthCheckType: 'EC2',
      HealthCheckGracePeriod: 300,
      CreatedTime: resolveWhen('-100d', ctx.now),
      Instances: ctx.input.form.get('IncludeInstances') === 'false' ? undefined : [],
      Tags: Object.entries(g.tags ?? {}).map(([Key, Value]) => ({ Key, Value, ResourceId: g.name, ResourceType: 'auto-scaling-group', PropagateAtLaunch: true })),
    })),
    NextToken: page.nextToken,
  };
}

export const autoScaling = defineService({
  signingName: 'autoscaling',
  actionPrefix: 'autoscaling',
  protocol: awsQuery('http://autoscaling.amazonaws.com/doc/2011-01-01/'),
  operations: { DescribeAutoScalingGroups: describeAutoScalingGroups },
});
