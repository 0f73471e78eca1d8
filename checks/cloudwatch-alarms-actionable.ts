import { defineCheck, type Outcome } from '../src/contract/check.js';
import { cloudWatchAlarms } from '../src/datasets/cloudwatch/datasets.js';
import { ec2Instances } from '../src/datasets/ec2/datasets.js';
import { classicLoadBalancers } from '../src/datasets/elb/datasets.js';
import { elbv2LoadBalancers } from '../src/datasets/elbv2/datasets.js';
import { oamLinks } from '../src/datasets/oam/datasets.js';
import { snsSubscriptions } from '../src/datasets/sns/datasets.js';
import { regionalArn } from './lib/arn.js';
import { ticketingLookup, ticketingSystemOf } from './lib/ticketing.js';

const MESSAGES = {
  alarmed: '{count} alarm(s) with enabled actions watch {region}: {metrics}.',
  noAlarm: 'No CloudWatch alarm with an enabled action in {region}, which runs {workloads}; attest where alerting lives{monitoring}.',
  alarmSilent: 'Alarm {alarm} in {region} notifies no one: {why}.',
  topicUnconfirmed: 'SNS topic {topic}, notified by alarm(s) {alarms}, has no confirmed subscription ({subscriptions}), so the alarm reaches no one.',
  noWorkloads: 'No running instance or load balancer and no alarm in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

const SNS_TOPIC = /^arn:[\w-]+:sns:/;

export default defineCheck({
  id: 'cloudwatch-alarms-actionable',
  title: 'Workloads are watched by CloudWatch alarms that notify someone',
  description:
    'Reads the metric and composite alarms of each region with running workloads (EC2 instances, Application, Network and Classic Load ' +
    'Balancers): no alarm with an enabled action warns "attest where alerting lives", naming the monitoring account when the region is ' +
    'linked to one through CloudWatch cross-account observability. Alarms with actions disabled or without an ALARM action warn, and so ' +
    'does each SNS topic they notify that has no confirmed subscription. Otherwise the region passes, listing the alarmed metrics. RDS, ' +
    'Lambda and ECS workloads are not counted by this check.',
  requirements: { 'smb-competency': ['REL-002'] },
  severity: 'medium',
  scope: 'region',
  uses: { alarms: cloudWatchAlarms, instances: ec2Instances, loadBalancers: elbv2LoadBalancers, classicLoadBalancers, subscriptions: snsSubscriptions },
  optionalUses: { links: oamLinks },
  readsOtherAccounts: [snsSubscriptions],
  remediation:
    'Create alarms on the metrics that show each component\'s health (`aws cloudwatch put-metric-alarm ... --alarm-actions <sns-topic-arn>`), ' +
    'keep their actions enabled (`aws cloudwatch enable-alarm-actions`), and confirm the topic\'s subscriptions.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { region } = input;
    const running = input.data.instances.instances.filter((i) => i.state === 'running').length;
    const balancers = input.data.loadBalancers.loadBalancers.length + input.data.classicLoadBalancers.loadBalancers.length;
    const { alarms } = input.data.alarms;
    const workloads = [running > 0 ? `${running} running instance(s)` : '', balancers > 0 ? `${balancers} load balancer(s)` : ''].filter(Boolean).join(' and ');
    if (!workloads && alarms.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noWorkloads', resource: regionalArn(input, 'cloudwatch', 'alarm'), params: { region } }];
    const actionable = alarms.filter((a) => a.actionsEnabled && a.alarmActions.length > 0);
    const outcomes: Outcome<MessageId>[] = alarms
      .filter((a) => !actionable.includes(a))
      .map((a) => ({ status: 'WARN', messageId: 'alarmSilent', resource: a.arn, params: { alarm: a.name, region, why: a.actionsEnabled ? 'it has no ALARM action' : 'its actions are disabled' }, evidence: { alarm: a } }));
    const lookup = ticketingLookup({ accountId: input.accountId, region, subscriptions: input.data.subscriptions, org: input.org });
    const topics = [...new Set(actionable.flatMap((a) => a.alarmActions.filter((arn) => SNS_TOPIC.test(arn))))];
    for (const topic of topics) {
      const reached = ticketingSystemOf(topic, lookup);
      if (reached.kind !== 'unconfirmed') continue;
      const by = actionable.filter((a) => a.alarmActions.includes(topic)).map((a) => a.name);
      const subscriptions = reached.system.endsWith('(no subscription)') ? 'none' : 'all pending confirmation';
      outcomes.push({ status: 'WARN', messageId: 'topicUnconfirmed', resource: topic, params: { topic, alarms: by.join(', '), subscriptions } });
    }
    if (actionable.length > 0) {
      const metrics = [...new Set(actionable.map((a) => a.metric ?? `composite ${a.name}`))].join(', ');
      outcomes.push({ status: 'PASS', messageId: 'alarmed', resource: regionalArn(input, 'cloudwatch', 'alarm'), params: { count: actionable.length, region, metrics }, evidence: { alarms: actionable } });
    } else if (workloads) {
      const links = input.optional.links.ok ? input.optional.links.data.links : [];
      const monitoring = links.length > 0 ? `; the region shares its telemetry with monitoring account ${[...new Set(links.map((l) => l.sinkArn.split(':')[4]))].join(', ')}` : '';
      outcomes.push({ status: 'WARN', messageId: 'noAlarm', resource: regionalArn(input, 'cloudwatch', 'alarm'), params: { region, workloads, monitoring }, evidence: { links } });
    }
    return outcomes;
  },
});
