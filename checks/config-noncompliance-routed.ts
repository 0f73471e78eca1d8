import { configRecorders } from '../src/datasets/config/datasets.js';
import { askRouting, eventRules } from '../src/datasets/eventbridge/datasets.js';
import { callerOrganization, organizationMembership } from '../src/datasets/organizations/datasets.js';
import { securityHub } from '../src/datasets/securityhub/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { recordingRecorder } from './lib/config-recorders.js';
import { membershipOf } from './lib/routing/membership.js';
import { routeSample, routingEvidence, routingScope } from './lib/routing/routes.js';
import { SECURITY_HUB_MESSAGES, SECURITY_HUB_PRODUCTS, securityHubPath } from './lib/routing/security-hub-path.js';
import { decide, routingVerdict, toOutcome, type Verdict } from './lib/routing/verdict.js';
import { routingTicketingLookup, TICKETING_OTHER_ACCOUNTS, TICKETING_USES } from './lib/ticketing.js';

const MESSAGES = {
  notRecording: 'No Config recorder of the account records in {region}, so there is no non-compliance to route (config-recorder-recording reports this).',
  routed: 'Config non-compliance changes in {region} reach a target from the default event bus: {routes}{ticketing}.',
  routedToSns:
    'Config delivery channel {channel} in {region} sends notifications to SNS topic {topic}; confirm it reaches the ticketing system.',
  notRouted:
    'Nothing routes Config non-compliance in {region}: no enabled rule on the default event bus matches a NON_COMPLIANT compliance change, directly or through Security Hub, and the delivery channel has no SNS topic.',
  ...SECURITY_HUB_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;

export default defineCheck({
  id: 'config-noncompliance-routed',
  title: 'AWS Config non-compliance reaches the ticketing system in every recording region',
  description:
    'In each region where Config records, looks for a way rule violations reach a tracker: an enabled rule with a target on the default ' +
    'event bus that matches a NON_COMPLIANT "Config Rules Compliance Change" event (judged by EventBridge TestEventPattern); or Security Hub ' +
    'enabled with a rule matching its imported Config findings (v1 or v2), here or in its administrator account; or, as a warning to confirm, ' +
    'the delivery channel\'s SNS topic. Rules that forward to another account are followed when that account was scanned.',
  requirements: { 'smb-competency': ['SECOPS-009'] },
  severity: 'medium',
  scope: 'region',
  uses: { recorders: configRecorders, rules: eventRules },
  optionalUses: { hub: securityHub, membership: organizationMembership, organization: callerOrganization, ...TICKETING_USES },
  readsOtherAccounts: [eventRules, ...TICKETING_OTHER_ACCOUNTS],
  asks: [askRouting(['config:non-compliant', ...SECURITY_HUB_PRODUCTS.config.samples])],
  remediation:
    'Create an EventBridge rule on the default bus with the pattern {"source":["aws.config"],"detail-type":["Config Rules Compliance Change"],' +
    '"detail":{"messageType":["ComplianceChangeNotification"],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}} and a target that opens a ticket: ' +
    '`aws events put-rule --name config-noncompliance --event-pattern file://pattern.json` then `aws events put-targets --rule config-noncompliance --targets Id=1,Arn=<target-arn>`.',
  docsUrl: 'https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { scope, resource } = routingScope(input);
    if (!recordingRecorder(input.data.recorders)) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'notRecording', resource, params: { region: input.region } }];
    }
    const params = { region: input.region };
    const direct = routeSample(scope, 'config:non-compliant');
    const membership = membershipOf({ accountId: input.accountId, organization: input.optional.organization, membership: input.optional.membership });
    const candidates: (Verdict<MessageId> | undefined)[] = [
      routingVerdict(direct, 'routed', params),
      ...securityHubPath({ scope, hub: input.optional.hub, product: SECURITY_HUB_PRODUCTS.config, membership }),
      ...input.data.recorders.deliveryChannels
        .filter((channel) => channel.snsTopicArn !== undefined)
        .map((channel): Verdict<MessageId> => ({
          status: 'WARN',
          messageId: 'routedToSns',
          params: { ...params, channel: channel.name, topic: channel.snsTopicArn! },
        })),
    ];
    const verdict = decide(candidates, { status: 'FAIL', messageId: 'notRouted', params });
    const evidence = { direct: routingEvidence([direct]), deliveryChannels: input.data.recorders.deliveryChannels };
    return [toOutcome(verdict, resource, evidence, routingTicketingLookup(input))];
  },
});
