// One module behind the two GuardDuty routing checks (SECOPS-007 and SECOPS-008): they differ only
// in the sample finding and the requirement, so each check file instantiates this factory.

import { type AnyCheck, defineCheck } from '../../../src/contract/check.js';
import { askRouting, eventRules } from '../../../src/datasets/eventbridge/datasets.js';
import type { RoutingSampleId } from '../../../src/datasets/eventbridge/samples/index.js';
import { guardDutyDetectors, type GuardDutyDetector } from '../../../src/datasets/guardduty/datasets.js';
import { callerOrganization, organizationMembership } from '../../../src/datasets/organizations/datasets.js';
import { securityHub } from '../../../src/datasets/securityhub/datasets.js';
import { deliveredEvent } from './event.js';
import { membershipOf, type Membership } from './membership.js';
import { isEnabledRelationship, remoteScope } from './remote.js';
import { routeEvents, routeSample, routingEvidence, routingScope, type RoutingScope } from './routes.js';
import { SECURITY_HUB_MESSAGES, SECURITY_HUB_PRODUCTS, securityHubPath } from './security-hub-path.js';
import { decide, routingVerdict, toOutcome, type Verdict } from './verdict.js';
import { routingTicketingLookup, TICKETING_OTHER_ACCOUNTS, TICKETING_USES } from '../ticketing.js';

const MESSAGES = {
  guardDutyNotEnabled: 'GuardDuty is not enabled in {region}, so it produces no findings to route (guardduty-enabled reports this).',
  routed: 'The {sample} finding reaches a target from the default event bus in {region}: {routes}{ticketing}.',
  routedByAdministrator: 'GuardDuty administrator account {admin} routes the {sample} finding in {region}: {routes}{ticketing}.',
  administratorNotScanned:
    'GuardDuty in {region} reports to administrator account {admin}, which was not scanned there; routing of the {sample} finding is not verified.',
  administratorUnreadable:
    'The event rules of GuardDuty administrator account {admin} in {region} could not be read ({code}), so routing there was not judged.',
  administratorNotCredited: 'GuardDuty in {region} reports to administrator account {admin}, but it is not credited: {why}.',
  notRouted:
    'No enabled rule with a target on the default event bus in {region} matches the {sample} finding, directly or through Security Hub, and no GuardDuty administrator account routes it.',
  ...SECURITY_HUB_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;

export interface GuardDutyRoutingOptions {
  id: string;
  title: string;
  requirement: 'SECOPS-007' | 'SECOPS-008';
  sample: keyof typeof SECURITY_HUB_PRODUCTS & `guardduty:${string}`;
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
    optionalUses: { hub: securityHub, membership: organizationMembership, organization: callerOrganization, ...TICKETING_USES },
    readsOtherAccounts: [eventRules, ...TICKETING_OTHER_ACCOUNTS],
    asks: [askRouting([options.sample, ...SECURITY_HUB_PRODUCTS[options.sample].samples])],
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
      const membership = membershipOf({ accountId: input.accountId, organization: input.optional.organization, membership: input.optional.membership });
      const product = SECURITY_HUB_PRODUCTS[options.sample];
      const candidates: (Verdict<MessageId> | undefined)[] = [
        routingVerdict(direct, 'routed', params),
        ...securityHubPath({ scope, hub: input.optional.hub, product, membership }),
        ...enabled.map((detector) => administratorVerdict(scope, detector, options.sample, params, membership)),
      ];
      const verdict = decide(candidates, { status: 'FAIL', messageId: 'notRouted', params });
      const evidence = { detectors: enabled, sample: options.sample, direct: routingEvidence([direct]), membership };
      return [toOutcome(verdict, resource, evidence, routingTicketingLookup(input))];
    },
  });
}

function administratorVerdict(
  scope: RoutingScope,
  detector: GuardDutyDetector,
  sample: RoutingSampleId,
  params: Record<string, string>,
  membership: Membership,
): Verdict<MessageId> | undefined {
  const admin = detector.administrator;
  if (!admin || admin.accountId === scope.accountId || !isEnabledRelationship(admin.relationshipStatus)) return undefined;
  const withAdmin = { ...params, admin: admin.accountId };
  if (!membership.proven) return { status: 'FAIL', messageId: 'administratorNotCredited', params: { ...withAdmin, why: membership.why } };
  const remote = remoteScope(scope.org, admin.accountId, scope.region);
  if (remote.kind === 'not-scanned') return { status: 'WARN', messageId: 'administratorNotScanned', params: withAdmin };
  if (remote.kind === 'unreadable') return { status: 'ERROR', messageId: 'administratorUnreadable', params: { ...withAdmin, code: remote.code } };
  // The administrator's GuardDuty publishes the member's finding on the administrator's own bus.
  const delivered = deliveredEvent(sample, scope.accountId, admin.accountId);
  return routingVerdict(routeEvents(remote.scope, [delivered]), 'routedByAdministrator', withAdmin);
}
