// One module behind the two GuardDuty routing checks (SECOPS-007 and SECOPS-008): they differ only
// in the sample finding and the requirement, so each check file instantiates this factory.

import { askRouting, eventRules } from '../../../src/datasets/eventbridge/datasets.js';
import { guardDutyDetectors } from '../../../src/datasets/guardduty/datasets.js';
import { securityHub } from '../../../src/datasets/securityhub/datasets.js';
import type { GuardDutyDetector } from '../../../src/datasets/guardduty/datasets.js';
import type { RoutingSampleId } from '../../../src/datasets/eventbridge/samples.js';
import { type AnyCheck, defineCheck } from '../../../src/contract/check.js';
import { isEnabledRelationship, remoteScope } from './remote.js';
import { routeSample, routingEvidence, routingScope, type RoutingScope } from './routes.js';
import { SECURITY_HUB_MESSAGES, securityHubPath, securityHubSamples } from './security-hub-path.js';
import { decide, routingVerdict, toOutcome, type Verdict } from './verdict.js';

const MESSAGES = {
  guardDutyNotEnabled: 'GuardDuty is not enabled in {region}, so it produces no findings to route (guardduty-enabled reports this).',
  routed: 'The {sample} finding reaches a target from the default event bus in {region}: {routes}.',
  routedByAdministrator: 'GuardDuty administrator account {admin} routes the {sample} finding in {region}: {routes}.',
  administratorNotScanned:
    'GuardDuty in {region} reports to administrator account {admin}, which was not scanned there; routing of the {sample} finding is not verified.',
  administratorUnreadable:
    'The event rules of GuardDuty administrator account {admin} in {region} could not be read ({code}), so routing there was not judged.',
  notRouted:
    'No enabled rule with a target on the default event bus in {region} matches the {sample} finding, directly or through Security Hub, and no GuardDuty administrator account routes it.',
  ...SECURITY_HUB_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;

export interface GuardDutyRoutingOptions {
  id: string;
  title: string;
  requirement: 'SECOPS-007' | 'SECOPS-008';
  sample: Extract<RoutingSampleId, `guardduty:${string}`>;
  /** The sample finding in words, e.g. its type, severity and resource type. */
  sampleLabel: string;
  /** What the requirement watches, for the description. */
  watches: string;
}

export function guardDutyRoutingCheck(options: GuardDutyRoutingOptions): AnyCheck {
  return defineCheck({
    id: options.id,
    title: options.title,
    description:
      `In every region where GuardDuty is enabled, looks for a way its findings on ${options.watches} reach a tracker: ` +
      `an enabled rule with a target on the default event bus that matches a ${options.sampleLabel} finding ` +
      '(judged by EventBridge TestEventPattern); or Security Hub enabled with a rule matching its imported GuardDuty findings ' +
      '(v1 or v2 events), here or in its administrator account; or a GuardDuty administrator account whose rules route it. ' +
      'Rules that forward to another account are followed when that account was scanned.',
    requirements: { 'smb-competency': [options.requirement] },
    severity: 'high',
    scope: 'region',
    uses: { detectors: guardDutyDetectors, rules: eventRules },
    optionalUses: { hub: securityHub },
    readsOtherAccounts: [eventRules],
    asks: [askRouting([options.sample, ...securityHubSamples('guardduty')])],
    remediation:
      'Create an EventBridge rule on the default bus with the pattern {"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]} ' +
      'and a target that opens a ticket (SNS, SQS, Lambda or an API destination): ' +
      'aws events put-rule --name guardduty-findings --event-pattern \'{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]}\' ' +
      'then aws events put-targets --rule guardduty-findings --targets Id=1,Arn=<target-arn>. In a delegated-administrator setup, add the rule in the administrator account in every region.',
    docsUrl: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html',
    messages: MESSAGES,
    evaluate: (input) => {
      const { scope, resource } = routingScope(input);
      const params = { region: input.region, sample: options.sampleLabel };
      const enabled = input.data.detectors.detectors.filter((d) => d.status === 'ENABLED');
      if (enabled.length === 0) {
        return [{ status: 'NOT_APPLICABLE', messageId: 'guardDutyNotEnabled', resource, params: { region: input.region } }];
      }
      const direct = routeSample(scope, options.sample);
      const candidates: (Verdict<MessageId> | undefined)[] = [
        routingVerdict(direct, 'routed', params),
        ...securityHubPath(scope, input.optional.hub, 'guardduty'),
        ...enabled.map((detector) => administratorVerdict(scope, detector, options.sample, params)),
      ];
      const verdict = decide(candidates, { status: 'FAIL', messageId: 'notRouted', params });
      return [toOutcome(verdict, resource, { detectors: enabled, sample: options.sample, direct: routingEvidence([direct]) })];
    },
  });
}

function administratorVerdict(
  scope: RoutingScope,
  detector: GuardDutyDetector,
  sample: RoutingSampleId,
  params: Record<string, string>,
): Verdict<MessageId> | undefined {
  const admin = detector.administrator;
  if (!admin || admin.accountId === scope.accountId || !isEnabledRelationship(admin.relationshipStatus)) return undefined;
  const withAdmin = { ...params, admin: admin.accountId };
  const remote = remoteScope(scope.org, admin.accountId, scope.region);
  if (remote.kind === 'not-scanned') return { status: 'WARN', messageId: 'administratorNotScanned', params: withAdmin };
  if (remote.kind === 'unreadable') return { status: 'ERROR', messageId: 'administratorUnreadable', params: { ...withAdmin, code: remote.code } };
  return routingVerdict(routeSample(remote.scope, sample), 'routedByAdministrator', withAdmin);
}
