import { CloudWatchClient, DescribeAlarmsCommand, ListDashboardsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudWatchAlarms, cloudWatchDashboards } from '../../src/datasets/cloudwatch/datasets.js';
import { awsError, collect, testContext } from './context.js';

const cw = mockClient(CloudWatchClient);

describe('cloudwatch.alarms', () => {
  beforeEach(() => cw.reset());

  it('asks for metric and composite alarms and reads their actions', async () => {
    cw.on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [
          { AlarmName: 'cpu', AlarmArn: 'arn:cpu', ActionsEnabled: true, AlarmActions: ['arn:aws:sns:eu-west-1:111122223333:ops'], Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', StateValue: 'OK' },
          { AlarmName: 'math', AlarmArn: 'arn:math', ActionsEnabled: false },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({ CompositeAlarms: [{ AlarmName: 'service', AlarmArn: 'arn:service', ActionsEnabled: true, AlarmActions: ['arn:x'], OKActions: ['arn:y'] }] });
    expect(await collect(cloudWatchAlarms, testContext())).toEqual({
      alarms: [
        { name: 'cpu', arn: 'arn:cpu', type: 'metric', actionsEnabled: true, alarmActions: ['arn:aws:sns:eu-west-1:111122223333:ops'], okActions: [], metric: 'AWS/EC2/CPUUtilization', state: 'OK' },
        { name: 'math', arn: 'arn:math', type: 'metric', actionsEnabled: false, alarmActions: [], okActions: [], metric: 'metric math' },
        { name: 'service', arn: 'arn:service', type: 'composite', actionsEnabled: true, alarmActions: ['arn:x'], okActions: ['arn:y'] },
      ],
    });
    expect(cw.commandCalls(DescribeAlarmsCommand)[0]!.args[0].input.AlarmTypes).toEqual(['MetricAlarm', 'CompositeAlarm']);
  });

  it('lets a refused call propagate', async () => {
    cw.on(DescribeAlarmsCommand).rejects(awsError('AccessDenied'));
    await expect(collect(cloudWatchAlarms, testContext())).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('cloudwatch.dashboards', () => {
  beforeEach(() => cw.reset());

  it('lists the dashboards', async () => {
    cw.on(ListDashboardsCommand).resolves({ DashboardEntries: [{ DashboardName: 'kpis', DashboardArn: 'arn:aws:cloudwatch::1:dashboard/kpis', LastModified: new Date('2026-01-01T00:00:00Z') }] });
    expect(await collect(cloudWatchDashboards, testContext())).toEqual({
      dashboards: [{ name: 'kpis', arn: 'arn:aws:cloudwatch::1:dashboard/kpis', lastModified: '2026-01-01T00:00:00.000Z' }],
    });
  });
});
