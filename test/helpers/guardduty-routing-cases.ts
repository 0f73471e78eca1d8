// The case table both GuardDuty routing checks share: they are one module with a different sample,
// so each runs every branch with its own sample, and proves the other sample does not count.

import type { EventRulesEvidence } from '../../src/datasets/eventbridge/datasets.js';
import type { GuardDutyDetector } from '../../src/datasets/guardduty/datasets.js';
import type { SecurityHubEvidence } from '../../src/datasets/securityhub/datasets.js';
import type { SnsSubscriptionsEvidence } from '../../src/datasets/sns/datasets.js';
import type { RoutingSampleId } from '../../src/datasets/eventbridge/samples/index.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { CallerOrganizationEvidence, OrganizationMembershipEvidence } from '../../src/datasets/organizations/datasets.js';
import { SECURITY_HUB_PRODUCTS } from '../../checks/lib/routing/security-hub-path.js';
import { defaultBus, eventBus, eventRules, rule, snsTopic } from './fixtures/eventbridge.js';
import { subscription, subscriptions } from './fixtures/observability.js';
import { callerOrganization, detector, guardDuty, hub, membership } from './fixtures/security.js';
import { ACCOUNT, CENTRAL_ACCOUNT, failed, input, ok, orgView, OTHER_ACCOUNT, REGION } from './input.js';
import type { CheckCase } from './run-check-cases.js';

type Sample = keyof typeof SECURITY_HUB_PRODUCTS & `guardduty:${string}`;

function gd(options: {
  rules?: ReturnType<typeof rule>[];
  detectors?: GuardDutyDetector[];
  hub?: DatasetView<SecurityHubEvidence>;
  scanned?: string[];
  remote?: Record<string, DatasetView<EventRulesEvidence>>;
  organization?: DatasetView<CallerOrganizationEvidence>;
  membership?: DatasetView<OrganizationMembershipEvidence>;
  /** SNS subscriptions here, and by `account/region` in other accounts, to name the ticketing system reached. */
  subscriptions?: SnsSubscriptionsEvidence;
  remoteSubscriptions?: Record<string, DatasetView<SnsSubscriptionsEvidence>>;
}): CheckCase['input'] {
  return input({
    data: { detectors: guardDuty(...(options.detectors ?? [detector()])), rules: eventRules(...(options.rules ?? [])) },
    optional: {
      hub: options.hub ?? ok(hub({ enabled: false })),
      organization: options.organization ?? ok(callerOrganization()),
      membership: options.membership ?? ok(membership()),
      ...(options.subscriptions && { subscriptions: ok(options.subscriptions) }),
    },
    org: orgView({ scanned: options.scanned ?? [], rules: options.remote ?? {}, datasets: { 'sns.subscriptions': options.remoteSubscriptions ?? {} } }),
  });
}

/** Membership not proven: the organization's list does not name the account, and its own read failed. */
const unproven = { organization: ok(callerOrganization({ memberAccountIds: [CENTRAL_ACCOUNT] })), membership: failed() };

const bus = defaultBus();
const admin = (accountId: string, relationshipStatus = 'Enabled') => detector({ administrator: { accountId, relationshipStatus } });
const remoteRule = (accountId: string, matches: RoutingSampleId[], busName = 'default') =>
  ok(eventRules(rule({ name: 'central-findings', accountId, matches, busName, targets: [snsTopic('soc', accountId)] })));

export function guardDutyRoutingCases(sample: Sample, otherSample: Sample): CheckCase[] {
  const direct = rule({ matches: [sample] });
  const shRule = rule({ name: 'securityhub-findings', matches: ['securityhub-v2:guardduty'] });
  const [shV1] = SECURITY_HUB_PRODUCTS[sample].samples;
  const [otherShV1] = SECURITY_HUB_PRODUCTS[otherSample].samples;
  return [
    {
      name: 'GuardDuty not enabled: nothing to route',
      input: gd({ detectors: [detector({ status: 'DISABLED' })], rules: [direct] }),
      expected: [{ status: 'NOT_APPLICABLE', messageId: 'guardDutyNotEnabled', resource: bus }],
    },
    {
      name: 'an enabled rule with a target matching the sample: PASS naming rule and target',
      input: gd({ rules: [direct] }),
      expected: [{ status: 'PASS', messageId: 'routed', resource: bus, params: { routes: `route-findings → ${snsTopic()}`, ticketing: '' } }],
    },
    {
      name: 'the target topic has a confirmed HTTPS subscription to Jira: the finding names it',
      input: gd({ rules: [direct], subscriptions: subscriptions(subscription(snsTopic(), 'https', 'acme.atlassian.net'), subscription(snsTopic(), 'email', 'example.com')) }),
      expected: [{ status: 'PASS', messageId: 'routed', resource: bus, params: { ticketing: `; it reaches Jira (acme.atlassian.net via SNS topic ${snsTopic()})` } }],
    },
    {
      name: 'a rule in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS counts',
      input: gd({ rules: [rule({ matches: [sample], state: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' })] }),
      expected: [{ status: 'PASS', messageId: 'routed', resource: bus }],
    },
    {
      name: 'a rule matching only the other requirement\'s sample does not count',
      input: gd({ rules: [rule({ matches: [otherSample] })] }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'disabled rules, rules without targets and rules on a custom bus do not count',
      input: gd({
        rules: [
          rule({ name: 'off', matches: [sample], state: 'DISABLED' }),
          rule({ name: 'no-target', matches: [sample], targets: [] }),
          rule({ name: 'custom', matches: [sample], busName: 'apps' }),
        ],
      }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'Security Hub enabled and a rule on its v2 GuardDuty findings: PASS',
      input: gd({ rules: [shRule], hub: ok(hub()) }),
      expected: [{ status: 'PASS', messageId: 'routedViaSecurityHub', resource: bus, params: { product: 'GuardDuty' } }],
    },
    {
      name: 'a Security Hub v1 rule counts too',
      input: gd({ rules: [rule({ matches: [shV1!] })], hub: ok(hub()) }),
      expected: [{ status: 'PASS', messageId: 'routedViaSecurityHub', resource: bus }],
    },
    {
      name: 'a Security Hub v1 rule matching only the other finding type (e.g. TTPs/ but not Effects/) does not count',
      input: gd({ rules: [rule({ matches: [otherShV1!] })], hub: ok(hub()) }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'a Security Hub rule with Security Hub disabled does not count',
      input: gd({ rules: [shRule] }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'a Security Hub rule for Config findings only does not count',
      input: gd({ rules: [rule({ matches: ['securityhub-v1:config', 'securityhub-v1:control', 'securityhub-v2:config'] })], hub: ok(hub()) }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'Security Hub unreadable and no other path: ERROR',
      input: gd({ hub: failed() }),
      expected: [{ status: 'ERROR', messageId: 'securityHubUnreadable', resource: bus, params: { code: 'AccessDeniedException' } }],
    },
    {
      name: 'Security Hub unreadable but a direct rule routes: PASS',
      input: gd({ rules: [direct], hub: failed() }),
      expected: [{ status: 'PASS', messageId: 'routed', resource: bus }],
    },
    {
      name: 'Security Hub administrator not scanned: WARN naming it',
      input: gd({ hub: ok(hub({ administrator: { accountId: CENTRAL_ACCOUNT, memberStatus: 'Enabled' } })) }),
      expected: [{ status: 'WARN', messageId: 'securityHubAdministratorNotScanned', resource: bus, params: { admin: CENTRAL_ACCOUNT } }],
    },
    {
      name: 'Security Hub administrator scanned and routing there: PASS',
      input: gd({
        hub: ok(hub({ administrator: { accountId: CENTRAL_ACCOUNT, memberStatus: 'Enabled' } })),
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: remoteRule(CENTRAL_ACCOUNT, [shV1!]) },
      }),
      expected: [{ status: 'PASS', messageId: 'routedBySecurityHubAdministrator', resource: bus, params: { admin: CENTRAL_ACCOUNT } }],
    },
    {
      name: 'Security Hub administrator not credited when the account\'s membership is not proven: FAIL saying why',
      input: gd({
        hub: ok(hub({ administrator: { accountId: CENTRAL_ACCOUNT, memberStatus: 'Enabled' } })),
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: remoteRule(CENTRAL_ACCOUNT, [shV1!]) },
        ...unproven,
      }),
      expected: [{ status: 'FAIL', messageId: 'securityHubAdministratorNotCredited', resource: bus, params: { admin: CENTRAL_ACCOUNT } }],
    },
    {
      name: 'Security Hub administrator scanned but its rules unreadable: ERROR',
      input: gd({
        hub: ok(hub({ administrator: { accountId: CENTRAL_ACCOUNT, memberStatus: 'Enabled' } })),
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: failed('AccessDeniedException') },
      }),
      expected: [{ status: 'ERROR', messageId: 'securityHubAdministratorUnreadable', resource: bus }],
    },
    {
      name: 'a Security Hub administrator relationship that is not enabled is ignored',
      input: gd({ hub: ok(hub({ administrator: { accountId: CENTRAL_ACCOUNT, memberStatus: 'Invited' } })) }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'GuardDuty administrator scanned and routing in the same region: PASS',
      input: gd({
        detectors: [admin(CENTRAL_ACCOUNT)],
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: remoteRule(CENTRAL_ACCOUNT, [sample]) },
      }),
      expected: [{ status: 'PASS', messageId: 'routedByAdministrator', resource: bus, params: { admin: CENTRAL_ACCOUNT } }],
    },
    {
      name: 'the administrator\'s topic reaches PagerDuty: named from that account\'s subscriptions',
      input: gd({
        detectors: [admin(CENTRAL_ACCOUNT)],
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: remoteRule(CENTRAL_ACCOUNT, [sample]) },
        remoteSubscriptions: { [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(subscriptions(subscription(snsTopic('soc', CENTRAL_ACCOUNT), 'https', 'events.pagerduty.com'))) },
      }),
      expected: [{ status: 'PASS', messageId: 'routedByAdministrator', resource: bus, params: { ticketing: `; it reaches PagerDuty (events.pagerduty.com via SNS topic ${snsTopic('soc', CENTRAL_ACCOUNT)})` } }],
    },
    {
      name: 'GuardDuty administrator credited through its DescribeOrganization when the list is unreadable',
      input: gd({
        detectors: [admin(CENTRAL_ACCOUNT)],
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: remoteRule(CENTRAL_ACCOUNT, [sample]) },
        organization: ok(callerOrganization({ memberAccountIds: undefined, listError: { code: 'AccessDeniedException', message: 'denied' } })),
      }),
      expected: [{ status: 'PASS', messageId: 'routedByAdministrator', resource: bus }],
    },
    {
      name: 'GuardDuty administrator not credited when the account belongs to another organization: FAIL saying why',
      input: gd({
        detectors: [admin(CENTRAL_ACCOUNT)],
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: remoteRule(CENTRAL_ACCOUNT, [sample]) },
        organization: ok(callerOrganization({ memberAccountIds: [CENTRAL_ACCOUNT] })),
        membership: ok(membership({ organizationId: 'o-other000' })),
      }),
      expected: [{ status: 'FAIL', messageId: 'administratorNotCredited', resource: bus, params: { why: "the account belongs to organization o-other000, not to the scanning account's o-abc123" } }],
    },
    {
      name: 'an administrator rule filtering detail.accountId on the administrator itself does not route a member finding',
      input: gd({
        detectors: [admin(CENTRAL_ACCOUNT)],
        scanned: [CENTRAL_ACCOUNT],
        remote: {
          [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(eventRules(rule({ name: 'own-findings', accountId: CENTRAL_ACCOUNT, matches: [sample], memberMatches: { [sample]: { '*': { forwarded: false, delivered: false } } }, targets: [snsTopic('soc', CENTRAL_ACCOUNT)] }))),
        },
      }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'an administrator rule filtering detail.accountId on this member routes its findings',
      input: gd({
        detectors: [admin(CENTRAL_ACCOUNT)],
        scanned: [CENTRAL_ACCOUNT],
        remote: {
          [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(eventRules(rule({ name: 'member-findings', accountId: CENTRAL_ACCOUNT, memberMatches: { [sample]: { [ACCOUNT]: { forwarded: false, delivered: true } } }, targets: [snsTopic('soc', CENTRAL_ACCOUNT)] }))),
        },
      }),
      expected: [{ status: 'PASS', messageId: 'routedByAdministrator', resource: bus }],
    },
    {
      name: 'GuardDuty administrator scanned but routing only in another region: FAIL',
      input: gd({
        detectors: [admin(CENTRAL_ACCOUNT)],
        scanned: [CENTRAL_ACCOUNT],
        remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(eventRules()), [`${CENTRAL_ACCOUNT}/us-east-1`]: remoteRule(CENTRAL_ACCOUNT, [sample]) },
      }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'GuardDuty administrator not scanned: WARN naming it',
      input: gd({ detectors: [admin(CENTRAL_ACCOUNT)] }),
      expected: [{ status: 'WARN', messageId: 'administratorNotScanned', resource: bus, params: { admin: CENTRAL_ACCOUNT } }],
    },
    {
      name: 'GuardDuty administrator scanned but not in this region: WARN',
      input: gd({ detectors: [admin(CENTRAL_ACCOUNT)], scanned: [CENTRAL_ACCOUNT] }),
      expected: [{ status: 'WARN', messageId: 'administratorNotScanned', resource: bus }],
    },
    {
      name: 'GuardDuty administrator rules unreadable: ERROR',
      input: gd({ detectors: [admin(CENTRAL_ACCOUNT)], scanned: [CENTRAL_ACCOUNT], remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: failed() } }),
      expected: [{ status: 'ERROR', messageId: 'administratorUnreadable', resource: bus, params: { admin: CENTRAL_ACCOUNT } }],
    },
    {
      name: 'a GuardDuty administrator relationship that is not enabled is ignored',
      input: gd({ detectors: [admin(CENTRAL_ACCOUNT, 'Removed')] }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'forwarded to an unscanned account\'s bus: WARN, not verified',
      input: gd({ rules: [rule({ matches: [sample], targets: [eventBus(OTHER_ACCOUNT)] })] }),
      expected: [{ status: 'WARN', messageId: 'forwardedUnverified', resource: bus }],
    },
    {
      name: 'forwarded to a scanned account that routes it on that bus: PASS naming the chain',
      input: gd({
        rules: [rule({ name: 'to-central', matches: [sample], targets: [eventBus(OTHER_ACCOUNT, REGION, 'security')] })],
        scanned: [OTHER_ACCOUNT],
        remote: { [`${OTHER_ACCOUNT}/${REGION}`]: remoteRule(OTHER_ACCOUNT, [sample], 'security') },
      }),
      expected: [{
        status: 'PASS',
        messageId: 'routed',
        resource: bus,
        params: { routes: `to-central → ${eventBus(OTHER_ACCOUNT, REGION, 'security')} → central-findings → ${snsTopic('soc', OTHER_ACCOUNT)}` },
      }],
    },
    {
      name: 'a central-bus rule filtering `account` on the sender routes the forwarded event',
      input: gd({
        rules: [rule({ name: 'to-central', matches: [sample], targets: [eventBus(OTHER_ACCOUNT)] })],
        scanned: [OTHER_ACCOUNT],
        remote: { [`${OTHER_ACCOUNT}/${REGION}`]: ok(eventRules(rule({ name: 'from-members', accountId: OTHER_ACCOUNT, memberMatches: { [sample]: { [ACCOUNT]: { forwarded: true, delivered: false } } }, targets: [snsTopic('soc', OTHER_ACCOUNT)] }))) },
      }),
      expected: [{ status: 'PASS', messageId: 'routed', resource: bus }],
    },
    {
      name: 'a central bus that forwards the event again to a third account: WARN, not verified',
      input: gd({
        rules: [rule({ name: 'to-central', matches: [sample], targets: [eventBus(OTHER_ACCOUNT)] })],
        scanned: [OTHER_ACCOUNT, CENTRAL_ACCOUNT],
        remote: {
          [`${OTHER_ACCOUNT}/${REGION}`]: ok(eventRules(rule({ name: 'onward', accountId: OTHER_ACCOUNT, matches: [sample], targets: [eventBus(CENTRAL_ACCOUNT)] }))),
          [`${CENTRAL_ACCOUNT}/${REGION}`]: remoteRule(CENTRAL_ACCOUNT, [sample]),
        },
      }),
      expected: [{ status: 'WARN', messageId: 'forwardedUnverified', resource: bus }],
    },
    {
      name: 'forwarded to a scanned account with no routing rule on that bus: FAIL',
      input: gd({
        rules: [rule({ matches: [sample], targets: [eventBus(OTHER_ACCOUNT)] })],
        scanned: [OTHER_ACCOUNT],
        remote: { [`${OTHER_ACCOUNT}/${REGION}`]: remoteRule(OTHER_ACCOUNT, [sample], 'other-bus') },
      }),
      expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
    },
    {
      name: 'forwarded to a scanned account whose rules could not be read: ERROR',
      input: gd({
        rules: [rule({ matches: [sample], targets: [eventBus(OTHER_ACCOUNT)] })],
        scanned: [OTHER_ACCOUNT],
        remote: { [`${OTHER_ACCOUNT}/${REGION}`]: failed() },
      }),
      expected: [{ status: 'ERROR', messageId: 'forwardError', resource: bus }],
    },
    {
      name: 'an unreadable path outranks an unverified one',
      input: gd({ detectors: [admin(CENTRAL_ACCOUNT)], hub: failed() }),
      expected: [{ status: 'ERROR', messageId: 'securityHubUnreadable', resource: bus }],
    },
  ];
}
