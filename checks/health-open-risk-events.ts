import { healthRiskEvents } from '../src/datasets/health/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';

export default defineCheck({
  id: 'health-open-risk-events',
  title: 'No AWS Health RISK event is left open',
  description:
    'Reads AWS Health events of service RISK with status open (DescribeEvents in us-east-1, where global events are delivered). ' +
    'Each open event warns with the event as evidence. Accounts whose Support plan gives no Health API answer SubscriptionRequiredException: not applicable.',
  requirements: { 'smb-competency': ['IAM-005'] },
  severity: 'high',
  scope: 'account',
  uses: { events: healthRiskEvents },
  remediation:
    'Open each event in the AWS Health Dashboard (Your account health > Open and recent issues), follow its instructions (rotate or delete the exposed key, ' +
    'review CloudTrail), and track it in the issue tracker within your SLA.',
  docsUrl: 'https://docs.aws.amazon.com/health/latest/ug/aws-health-concepts-and-terms.html',
  messages: {
    openEvent: 'AWS Health RISK event {code} is open since {start} (region {region}).',
    noOpenEvents: 'AWS Health lists no open RISK events for the account.',
    noHealthApi: 'The AWS Health API answered SubscriptionRequiredException (no Business Support or higher), so open RISK events could not be listed here.',
  },
  evaluate: (input) => {
    const { events } = input.data;
    const resource = accountArn(input);
    if (!events.subscribed) return [{ status: 'NOT_APPLICABLE', messageId: 'noHealthApi', resource }];
    if (events.openEvents.length === 0) return [{ status: 'PASS', messageId: 'noOpenEvents', resource }];
    return events.openEvents.map((event) => ({
      status: 'WARN',
      messageId: 'openEvent',
      resource: event.arn,
      params: { code: event.eventTypeCode, start: event.startTime ?? 'an unknown time', region: event.region ?? 'global' },
      evidence: { event },
    }));
  },
});
