import check from '../../checks/cloudwatch-alarms-actionable.js';
import type { Ec2Instance } from '../../src/datasets/ec2/datasets.js';
import { alarm, alarms, oam, subscription, subscriptions } from '../helpers/fixtures/observability.js';
import { classicLoadBalancers, loadBalancer, loadBalancers } from '../helpers/fixtures/network.js';
import { ACCOUNT, CENTRAL_ACCOUNT, failed, input, ok, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

function instances(...states: string[]): { instances: Ec2Instance[] } {
  return { instances: states.map((state, i) => ({ instanceId: `i-${i}`, arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-${i}`, state })) };
}

const OPS = `arn:aws:sns:${REGION}:${ACCOUNT}:ops`;
const ALARMS = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm`;
const confirmed = subscriptions(subscription(OPS, 'email', 'example.com'));
const base = { instances: instances('running'), loadBalancers: loadBalancers(), classicLoadBalancers: classicLoadBalancers(), subscriptions: confirmed };

runCheckCases(check, [
  {
    name: 'alarms with enabled actions to a confirmed topic: PASS listing the metrics',
    input: input({ data: { ...base, alarms: alarms(alarm('cpu'), alarm('service', { type: 'composite', metric: undefined })) }, optional: { links: failed() } }),
    expected: [{ status: 'PASS', messageId: 'alarmed', resource: ALARMS, params: { count: 2, metrics: 'AWS/EC2/CPUUtilization, composite service' } }],
  },
  {
    name: 'disabled and action-less alarms warn; a topic without confirmed subscription warns; the good alarm still passes',
    input: input({
      data: {
        ...base,
        subscriptions: subscriptions(subscription(OPS, 'https', 'events.pagerduty.com', false)),
        alarms: alarms(alarm('off', { actionsEnabled: false }), alarm('mute', { alarmActions: [] }), alarm('cpu')),
      },
      optional: { links: failed() },
    }),
    expected: [
      { status: 'WARN', messageId: 'alarmSilent', resource: `${ALARMS}:off`, params: { why: 'its actions are disabled' } },
      { status: 'WARN', messageId: 'alarmSilent', resource: `${ALARMS}:mute`, params: { why: 'it has no ALARM action' } },
      { status: 'WARN', messageId: 'topicUnconfirmed', resource: OPS, params: { alarms: 'cpu', subscriptions: 'all pending confirmation' } },
      { status: 'PASS', messageId: 'alarmed', resource: ALARMS },
    ],
  },
  {
    name: 'a topic without any subscription warns too',
    input: input({ data: { ...base, subscriptions: subscriptions(), alarms: alarms(alarm('cpu')) }, optional: { links: failed() } }),
    expected: [
      { status: 'WARN', messageId: 'topicUnconfirmed', resource: OPS, params: { alarms: 'cpu', subscriptions: 'none' } },
      { status: 'PASS', messageId: 'alarmed', resource: ALARMS },
    ],
  },
  {
    name: 'workloads without any alarm: WARN naming the monitoring account it is linked to',
    input: input({ data: { ...base, instances: instances('stopped'), loadBalancers: loadBalancers(loadBalancer('web')), alarms: alarms() }, optional: { links: ok(oam([CENTRAL_ACCOUNT])) } }),
    expected: [{ status: 'WARN', messageId: 'noAlarm', resource: ALARMS, params: { workloads: '1 load balancer(s)', monitoring: `; the region shares its telemetry with monitoring account ${CENTRAL_ACCOUNT}` } }],
  },
  {
    name: 'nothing running and no alarm: nothing to judge',
    input: input({ data: { ...base, instances: instances(), alarms: alarms() }, optional: { links: failed() } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noWorkloads', resource: ALARMS }],
  },
]);
