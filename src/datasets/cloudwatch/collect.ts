import type * as SdkCloudwatch from '@aws-sdk/client-cloudwatch';
import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { defineCollector } from '../../contract/collector.js';
import { cloudWatchAlarms, cloudWatchDashboards, type CloudWatchAlarm } from './datasets.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  CloudWatchClient,
  paginateDescribeAlarms,
  paginateListDashboards,
} = sdkModule<typeof SdkCloudwatch>('@aws-sdk/client-cloudwatch');

function common(alarm: MetricAlarm | CompositeAlarm): Omit<CloudWatchAlarm, 'type' | 'metric'> {
  return {
    name: required(alarm.AlarmName, 'AlarmName'),
    arn: required(alarm.AlarmArn, 'AlarmArn'),
    actionsEnabled: alarm.ActionsEnabled === true,
    alarmActions: alarm.AlarmActions ?? [],
    okActions: alarm.OKActions ?? [],
    ...(alarm.StateValue && { state: alarm.StateValue }),
  };
}

function metricOf(alarm: MetricAlarm): string {
  if (alarm.MetricName) return `${alarm.Namespace ?? '?'}/${alarm.MetricName}`;
  return 'metric math';
}

const collectAlarms = defineCollector(cloudWatchAlarms, async (ctx) => {
  const client = ctx.clients.get(CloudWatchClient);
  // Without AlarmTypes only metric alarms come back. https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
  const pages = paginateDescribeAlarms({ client }, { AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] });
  const alarms: CloudWatchAlarm[] = [];
  for await (const page of pages) {
    for (const alarm of page.MetricAlarms ?? []) alarms.push({ ...common(alarm), type: 'metric', metric: metricOf(alarm) });
    for (const alarm of page.CompositeAlarms ?? []) alarms.push({ ...common(alarm), type: 'composite' });
  }
  return { alarms };
});

const collectDashboards = defineCollector(cloudWatchDashboards, async (ctx) => {
  const client = ctx.clients.get(CloudWatchClient);
  const entries = await collectPages(paginateListDashboards({ client }, {}), (page) => page.DashboardEntries);
  return {
    dashboards: entries.map((d) => ({ name: required(d.DashboardName, 'DashboardName'), arn: d.DashboardArn, lastModified: isoDate(d.LastModified) })),
  };
});

export const COLLECTORS = [collectAlarms, collectDashboards];
