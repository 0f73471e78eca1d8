// Amazon CloudWatch datasets: the metric and composite alarms of a region with their actions, and
// the account's dashboards. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface CloudWatchAlarm {
  name: string;
  arn: string;
  type: 'metric' | 'composite';
  actionsEnabled: boolean;
  /** ARNs notified on ALARM (SNS topics, Systems Manager OpsItems or incidents, Auto Scaling, EC2 actions, Lambda). */
  alarmActions: string[];
  okActions: string[];
  /** `Namespace/MetricName`, `metric math` for expressions; absent for composites. */
  metric?: string;
  state?: string;
}

export interface CloudWatchAlarmsEvidence {
  alarms: CloudWatchAlarm[];
}

export interface CloudWatchDashboardsEvidence {
  dashboards: { name: string; arn?: string; lastModified?: string }[];
}

export const cloudWatchAlarms = defineDataset<CloudWatchAlarmsEvidence>({
  id: 'cloudwatch.alarms',
  scope: 'regional',
  actions: ['cloudwatch:DescribeAlarms'],
});

export const cloudWatchDashboards = defineDataset<CloudWatchDashboardsEvidence>({
  id: 'cloudwatch.dashboards',
  // Dashboards belong to the account (their ARN names no region) and every region lists them all:
  // read per region, so an account whose landing zone closes us-east-1 still shows them.
  scope: 'regional',
  actions: ['cloudwatch:ListDashboards'],
});
