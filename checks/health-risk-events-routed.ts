import { askRouting, eventRules } from '../src/datasets/eventbridge/datasets.js';
import { healthOrganization } from '../src/datasets/health/datasets.js';
import { callerOrganization, organizationMembership } from '../src/datasets/organizations/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { ALL_SAMPLES, CENTRAL_MESSAGES, centralVerdicts, coverage, type CentralMessageId } from './lib/routing/health.js';
import { membershipOf } from './lib/routing/membership.js';
import { defaultBusArnOf, routingEvidence, routingScope } from './lib/routing/routes.js';
import { decide, toOutcome, type Verdict } from './lib/routing/verdict.js';
import { routingTicketingLookup, TICKETING_OTHER_ACCOUNTS, TICKETING_USES } from './lib/ticketing.js';

const MESSAGES = {
  routedLocally: 'Rules on the us-east-1 default event bus route every AWS Health RISK sample: {routes}{ticketing}.',
  partiallyRouted:
    'Rules on the us-east-1 default event bus route AWS_RISK_CREDENTIALS_EXPOSED and AWS_RISK_CREDENTIALS_COMPROMISED ({routes}{ticketing}) but not {missing}.',
  notRouted:
    'No enabled rule with a target on the us-east-1 default event bus routes the AWS Health RISK samples {missing}, and no central account covers them.',
  rulesClosed:
    'The routing rules cannot be read: a service control policy denies EventBridge in us-east-1 ({code}); a rule may exist, and no scanned central account covers the account.',
  rulesUnreadable: 'The us-east-1 event rules could not be read ({code}: {message}), and no scanned central account covers the account.',
  ...CENTRAL_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;

export default defineCheck({
  id: 'health-risk-events-routed',
  title: 'AWS Health RISK events reach the issue tracker',
  description:
    'In us-east-1, where AWS Health delivers global events, looks for enabled rules with a target on the default event bus that match ' +
    'AWS Health RISK events (issue, account-specific) for each of the six credential and quarantine event codes, as judged by EventBridge ' +
    'TestEventPattern. All six pass; EXPOSED and COMPROMISED alone warn. Otherwise, when Health organizational view is on, the management ' +
    'account and Health delegated administrators are checked the same way if scanned (else a warning names them). Rules that forward to ' +
    'another account are followed when that account was scanned.',
  requirements: { 'smb-competency': ['IAM-005'] },
  severity: 'high',
  scope: 'region',
  regions: { only: ['us-east-1'] },
  // Health delivers global events to us-east-1 whatever the SCPs say: judged there even when it is closed.
  judgedWhenClosed: ['us-east-1'],
  uses: {},
  optionalUses: { rules: eventRules, healthOrganization, membership: organizationMembership, organization: callerOrganization, ...TICKETING_USES },
  readsOtherAccounts: [eventRules, ...TICKETING_OTHER_ACCOUNTS],
  asks: [askRouting(ALL_SAMPLES)],
  remediation:
    'In us-east-1, create an EventBridge rule on the default bus with the pattern {"source":["aws.health"],"detail-type":["AWS Health Event"],' +
    '"detail":{"service":["RISK"]}} and a target that opens an issue (SNS, SQS, Lambda or an API destination): ' +
    '`aws events put-rule --region us-east-1 --name health-risk --event-pattern file://pattern.json` then ' +
    '`aws events put-targets --region us-east-1 --rule health-risk --targets Id=1,Arn=<target-arn>`. With Health organizational view, one rule in the central account covers members.',
  docsUrl: 'https://docs.aws.amazon.com/health/latest/ug/cloudwatch-events-health.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const membership = membershipOf({ accountId: input.accountId, organization: input.optional.organization, membership: input.optional.membership });
    const central: Verdict<MessageId>[] = centralVerdicts({
      accountId: input.accountId,
      region: input.region,
      org: input.org,
      healthOrganization: input.optional.healthOrganization,
      membership,
    });
    const centralPass = central.find((v) => v.status === 'PASS');
    const rules = input.optional.rules;
    const ticketing = routingTicketingLookup(input);
    if (!rules.ok) {
      const resource = defaultBusArnOf(input.accountId, input.region);
      if (centralPass) return [toOutcome(centralPass, resource, { central, membership }, ticketing)];
      const { kind, code, message } = rules.error;
      const messageId = kind === 'scp-denied' ? 'rulesClosed' : 'rulesUnreadable';
      return [{ status: 'ERROR', messageId, resource, params: { code, message }, evidence: { error: rules.error, central, membership } }];
    }
    const { scope, resource } = routingScope({ ...input, data: { rules: rules.data } });
    const local = coverage(scope);
    const evidence = { local: routingEvidence(local.routings), membership };
    const params = { routes: local.routes, missing: local.missing.join(', ') };
    if (local.full) return [toOutcome({ status: 'PASS', messageId: 'routedLocally', params, targets: local.targets }, resource, evidence, ticketing)];
    if (local.keyStatus === 'routed') {
      return [toOutcome(centralPass ?? { status: 'WARN', messageId: 'partiallyRouted', params, targets: local.targets }, resource, { ...evidence, central }, ticketing)];
    }
    const forwarded: Verdict<CentralMessageId> | undefined =
      local.keyStatus === 'error' ? { status: 'ERROR', messageId: 'forwardError', params }
      : local.keyStatus === 'unverified' ? { status: 'WARN', messageId: 'forwardedUnverified', params }
      : undefined;
    const verdict = decide<MessageId>([forwarded, ...central], { status: 'FAIL', messageId: 'notRouted', params });
    return [toOutcome(verdict, resource, { ...evidence, central }, ticketing)];
  },
});
