import { defineCheck, type Outcome } from '../src/contract/check.js';
import { cloudWatchAlarms } from '../src/datasets/cloudwatch/datasets.js';
import { oamLinks } from '../src/datasets/oam/datasets.js';
import { accountArn } from './lib/arn.js';
import { readTogether, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';

const MESSAGES = {
  linked: 'CloudWatch cross-account observability shares this account\'s telemetry with monitoring account(s) {accounts} ({regions}).',
  monitoringAccount: 'This account is a CloudWatch monitoring account: sink(s) {sinks} receive other accounts\' telemetry.',
  sharedTopic: 'Alarms notify operations topics in another account: {topics}.',
  notCentral: 'No CloudWatch cross-account observability link or sink, and no alarm notifies a topic in another account; attest the central monitoring and how alarms reach operations staff.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

const accountOf = (arn: string) => arn.split(':')[4] ?? '';

export default defineCheck({
  id: 'cloudwatch-central-monitoring',
  title: 'Monitoring and alarms are central',
  description:
    'Looks, in every region scanned, for CloudWatch cross-account observability: links from this account to a monitoring-account sink, ' +
    'or sinks that make this account the monitoring account; and for alarms that notify an SNS topic of another account (a shared ' +
    'operations topic). Any is evidence of central monitoring and passes; none warns. A third-party monitoring system is attested.',
  requirements: { 'smb-competency': ['REL-004'] },
  severity: 'medium',
  scope: 'account',
  uses: { links: oamLinks, alarms: cloudWatchAlarms },
  remediation:
    'Create a sink in the monitoring account and link each source account to it (`aws oam create-sink`, `aws oam create-link ' +
    '--resource-types AWS::CloudWatch::Metric AWS::Logs::LogGroup --sink-identifier <sink-arn>`), or route alarms to a shared operations topic.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Unified-Cross-Account.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { read, unread } = readTogether({ links: input.data.links, alarms: input.data.alarms }, { links: oamLinks.id, alarms: cloudWatchAlarms.id }, input.closedRegions, resource);
    const links = read.flatMap(({ region, data }) => data.links.links.map((l) => ({ ...l, region })));
    const sinks = read.flatMap(({ data }) => data.links.sinks);
    const topics = [...new Set(read.flatMap(({ data }) => data.alarms.alarms.flatMap((a) => (a.actionsEnabled ? a.alarmActions : [])).filter((arn) => arn.includes(':sns:') && accountOf(arn) !== input.accountId)))];
    const evidence = { links, sinks, sharedTopics: topics };
    if (links.length > 0) {
      const params = { accounts: [...new Set(links.map((l) => accountOf(l.sinkArn)))].join(', '), regions: [...new Set(links.map((l) => l.region))].join(', ') };
      return [{ status: 'PASS', messageId: 'linked', resource, params, evidence }];
    }
    if (sinks.length > 0) return [{ status: 'PASS', messageId: 'monitoringAccount', resource, params: { sinks: sinks.map((s) => s.name ?? s.arn).join(', ') }, evidence }];
    if (topics.length > 0) return [{ status: 'PASS', messageId: 'sharedTopic', resource, params: { topics: topics.join(', ') }, evidence }];
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const outcomes: Outcome<MessageId>[] = [...unread, { status: 'WARN', messageId: 'notCentral', resource, evidence }];
    return outcomes;
  },
});
