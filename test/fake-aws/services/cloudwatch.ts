// Amazon CloudWatch (awsJson 1.0 with the awsQueryCompatible error header): metric and composite
// alarms (DescribeAlarms returns composites only when AlarmTypes asks for them) and dashboards,
// which belong to the account, not to a region.

import { optionalNumber, paginate } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface AlarmSpec {
  name: string;
  /** Default metric. */
  type?: 'metric' | 'composite';
  /** `Namespace/MetricName`, default AWS/EC2/CPUUtilization. */
  metric?: string;
  /** Default true. */
  actionsEnabled?: boolean;
  actions?: string[];
  state?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
}

declare module '../scenario.js' {
  interface RegionSpec {
    alarms?: AlarmSpec[];
  }
  interface AccountSpec {
    dashboards?: string[];
  }
}

function alarmArn(ctx: HandlerContext, name: string): string {
  return `arn:aws:cloudwatch:${ctx.region}:${ctx.account.id}:alarm:${name}`;
}

function describeAlarms(ctx: HandlerContext): unknown {
  const types = Array.isArray(ctx.input.json.AlarmTypes) ? (ctx.input.json.AlarmTypes as string[]) : ['MetricAlarm'];
  const wanted = (ctx.regionSpec.alarms ?? []).filter((a) => types.includes((a.type ?? 'metric') === 'metric' ? 'MetricAlarm' : 'CompositeAlarm'));
  const page = paginate(wanted, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxRecords) ?? 100, 'InvalidNextToken');
  const common = (a: AlarmSpec) => ({
    AlarmName: a.name,
    AlarmArn: alarmArn(ctx, a.name),
    ActionsEnabled: a.actionsEnabled ?? true,
    AlarmActions: a.actions ?? [],
    OKActions: [],
    InsufficientDataActions: [],
    StateValue: a.state ?? 'OK',
    StateUpdatedTimestamp: epochSeconds(new Date('2026-01-01T00:00:00Z')),
  });
  const metric = page.items.filter((a) => (a.type ?? 'metric') === 'metric');
  const composite = page.items.filter((a) => a.type === 'composite');
  return {
    MetricAlarms: metric.map((a) => {
      const [namespace, name] = (a.metric ?? 'AWS/EC2/CPUUtilization').split(/\/(?=[^/]+$)/);
      return { ...common(a), Namespace: namespace, MetricName: name, Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold' };
    }),
    CompositeAlarms: composite.map((a) => ({ ...common(a), AlarmRule: 'ALARM(child)' })),
    NextToken: page.nextToken,
  };
}

function listDashboards(ctx: HandlerContext): unknown {
  const dashboards = (ctx.account.dashboards ?? []).map((name) => ({
    DashboardName: name,
    DashboardArn: `arn:aws:cloudwatch::${ctx.account.id}:dashboard/${name}`,
    LastModified: epochSeconds(new Date('2026-02-01T00:00:00Z')),
    Size: 1024,
  }));
  const page = paginate(dashboards, ctx.input.json.NextToken, 1000, 'InvalidNextToken');
  return { DashboardEntries: page.items, NextToken: page.nextToken };
}

export const cloudWatch = defineService({
  signingName: 'monitoring',
  actionPrefix: 'cloudwatch',
  protocol: awsJson('GraniteServiceVersion20100801', { version: '1.0', queryCompatible: true }),
  operations: { DescribeAlarms: describeAlarms, ListDashboards: listDashboards },
});
