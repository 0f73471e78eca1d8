import check from '../../checks/health-risk-events-routed.js';
import type { EventRulesEvidence } from '../../src/datasets/eventbridge/datasets.js';
import type { HealthOrganizationEvidence } from '../../src/datasets/health/datasets.js';
import type { SnsSubscriptionsEvidence } from '../../src/datasets/sns/datasets.js';
import type { CallerOrganizationEvidence, OrganizationMembershipEvidence } from '../../src/datasets/organizations/datasets.js';
import { HEALTH_RISK_EVENT_CODES, type RoutingSampleId } from '../../src/datasets/eventbridge/samples/index.js';
import type { DatasetView } from '../../src/contract/check.js';
import { eventBus, eventRules, rule, snsTopic } from '../helpers/fixtures/eventbridge.js';
import { subscription, subscriptions } from '../helpers/fixtures/observability.js';
import { callerOrganization, healthOrganization, membership } from '../helpers/fixtures/security.js';
import { ACCOUNT, CENTRAL_ACCOUNT, failed, input, ok, orgView, OTHER_ACCOUNT } from '../helpers/input.js';
import { type CheckCase, runCheckCases } from '../helpers/run-check-cases.js';

const US_EAST_1 = 'us-east-1';
const ALL: RoutingSampleId[] = HEALTH_RISK_EVENT_CODES.map((code) => `health:${code}` as const);
const KEY: RoutingSampleId[] = ['health:AWS_RISK_CREDENTIALS_EXPOSED', 'health:AWS_RISK_CREDENTIALS_COMPROMISED'];
const OTHERS_MISSING = 'AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED, AWS_RISK_CREDENTIALS_COMPROMISE_SUSPECTED, AWS_RISK_ACCOUNT_CONSOLE_COMPROMISE, AWS_RISK_IAM_QUARANTINE';
const bus = eventBus(ACCOUNT, US_EAST_1);

const healthRule = (matches: RoutingSampleId[], accountId = ACCOUNT, name = 'health-risk') =>
  rule({ name, matches, accountId, region: US_EAST_1, targets: [snsTopic('security', accountId, US_EAST_1)] });
const central = (matches: RoutingSampleId[], accountId = CENTRAL_ACCOUNT) => ok(eventRules(healthRule(matches, accountId, 'org-health')));

function health(options: {
  rules?: ReturnType<typeof rule>[];
  /** The rules as collected, when not a plain answer (a failed read). */
  rulesView?: DatasetView<EventRulesEvidence>;
  org?: DatasetView<HealthOrganizationEvidence>;
  membership?: DatasetView<OrganizationMembershipEvidence>;
  organization?: DatasetView<CallerOrganizationEvidence>;
  scanned?: string[];
  remote?: Record<string, DatasetView<EventRulesEvidence>>;
  subscriptions?: SnsSubscriptionsEvidence;
}): CheckCase['input'] {
  return input({
    region: US_EAST_1,
    data: {},
    optional: {
      rules: options.rulesView ?? ok(eventRules(...(options.rules ?? []))),
      healthOrganization: options.org ?? ok(healthOrganization({ healthOrganizationView: 'DISABLED', healthServiceAccessEnabled: false })),
      membership: options.membership ?? ok(membership()),
      organization: options.organization ?? ok(callerOrganization()),
      ...(options.subscriptions && { subscriptions: ok(options.subscriptions) }),
    },
    org: orgView({ scanned: options.scanned ?? [], rules: options.remote ?? {} }),
  });
}

const orgOn = ok(healthOrganization());
const centralScanned = (matches: RoutingSampleId[]) => ({ scanned: [CENTRAL_ACCOUNT], remote: { [`${CENTRAL_ACCOUNT}/${US_EAST_1}`]: central(matches) } });

runCheckCases(check, [
  {
    name: 'one rule matching all six RISK samples: PASS naming rule and target',
    input: health({ rules: [healthRule(ALL)] }),
    expected: [{ status: 'PASS', messageId: 'routedLocally', resource: bus, params: { routes: `health-risk → ${snsTopic('security', ACCOUNT, US_EAST_1)}` } }],
  },
  {
    name: 'the target reaches Opsgenie: the finding names it',
    input: health({ rules: [healthRule(ALL)], subscriptions: subscriptions(subscription(snsTopic('security', ACCOUNT, US_EAST_1), 'https', 'api.opsgenie.com')) }),
    expected: [{ status: 'PASS', messageId: 'routedLocally', resource: bus, params: { ticketing: `; it reaches Opsgenie (api.opsgenie.com via SNS topic ${snsTopic('security', ACCOUNT, US_EAST_1)})` } }],
  },
  {
    name: 'several rules that together cover all six: PASS',
    input: health({ rules: [healthRule(KEY, ACCOUNT, 'a'), healthRule(ALL.slice(2), ACCOUNT, 'b')] }),
    expected: [{ status: 'PASS', messageId: 'routedLocally', resource: bus }],
  },
  {
    name: 'EXPOSED and COMPROMISED only: WARN listing what is not covered',
    input: health({ rules: [healthRule(KEY)] }),
    expected: [{ status: 'WARN', messageId: 'partiallyRouted', resource: bus, params: { missing: OTHERS_MISSING } }],
  },
  {
    name: 'partial here but full coverage centrally: PASS',
    input: health({ rules: [healthRule(KEY)], org: orgOn, ...centralScanned(ALL) }),
    expected: [{ status: 'PASS', messageId: 'coveredCentrally', resource: bus, params: { central: CENTRAL_ACCOUNT } }],
  },
  {
    name: 'partial here and the central account not scanned: still the partial WARN',
    input: health({ rules: [healthRule(KEY)], org: orgOn }),
    expected: [{ status: 'WARN', messageId: 'partiallyRouted', resource: bus }],
  },
  {
    name: 'only EXPOSED here and organizational view off: FAIL',
    input: health({ rules: [healthRule(['health:AWS_RISK_CREDENTIALS_EXPOSED'])] }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
  {
    name: 'nothing here, account outside any organization: FAIL',
    input: health({
      membership: ok(membership({ inOrganization: false, organizationId: undefined, managementAccountId: undefined })),
      organization: ok(callerOrganization({ memberAccountIds: [CENTRAL_ACCOUNT] })),
      org: failed(),
    }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus, params: { missing: HEALTH_RISK_EVENT_CODES.join(', ') } }],
  },
  {
    name: 'organizational view on, management account scanned and routing all: PASS covered centrally',
    input: health({ org: orgOn, ...centralScanned(ALL) }),
    expected: [{ status: 'PASS', messageId: 'coveredCentrally', resource: bus, params: { central: CENTRAL_ACCOUNT } }],
  },
  {
    name: 'organizational view shown only by Organizations service access: still on',
    input: health({ org: ok(healthOrganization({ healthOrganizationView: 'DISABLED' })), ...centralScanned(ALL) }),
    expected: [{ status: 'PASS', messageId: 'coveredCentrally', resource: bus }],
  },
  {
    name: 'central account routes EXPOSED and COMPROMISED only: WARN',
    input: health({ org: orgOn, ...centralScanned(KEY) }),
    expected: [{ status: 'WARN', messageId: 'partiallyCoveredCentrally', resource: bus, params: { missing: OTHERS_MISSING } }],
  },
  {
    name: 'central account scanned without a routing rule: FAIL',
    input: health({ org: orgOn, ...centralScanned([]) }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
  {
    name: 'central accounts not scanned: WARN naming them',
    input: health({ org: ok(healthOrganization({ delegatedAdministrators: [OTHER_ACCOUNT] })) }),
    expected: [{ status: 'WARN', messageId: 'mayBeCoveredCentrally', resource: bus, params: { accounts: `${CENTRAL_ACCOUNT}, ${OTHER_ACCOUNT}` } }],
  },
  {
    name: 'a scanned delegated administrator that routes beats an unscanned management account',
    input: health({
      org: ok(healthOrganization({ delegatedAdministrators: [OTHER_ACCOUNT] })),
      scanned: [OTHER_ACCOUNT],
      remote: { [`${OTHER_ACCOUNT}/${US_EAST_1}`]: central(ALL, OTHER_ACCOUNT) },
    }),
    expected: [{ status: 'PASS', messageId: 'coveredCentrally', resource: bus, params: { central: OTHER_ACCOUNT } }],
  },
  {
    name: 'central account rules unreadable: ERROR',
    input: health({ org: orgOn, scanned: [CENTRAL_ACCOUNT], remote: { [`${CENTRAL_ACCOUNT}/${US_EAST_1}`]: failed() } }),
    expected: [{ status: 'ERROR', messageId: 'centralUnreadable', resource: bus, params: { central: CENTRAL_ACCOUNT } }],
  },
  {
    name: 'the organization\'s Health settings could not be collected: ERROR',
    input: health({ org: failed('AccessDeniedException') }),
    expected: [{ status: 'ERROR', messageId: 'centralUnknown', resource: bus }],
  },
  {
    name: 'organizational view status unreadable and service access off: ERROR',
    input: health({
      org: ok(healthOrganization({
        healthOrganizationView: undefined,
        healthServiceAccessEnabled: false,
        callErrors: [{ action: 'health:DescribeHealthServiceStatusForOrganization', code: 'AccessDeniedException', message: 'denied' }],
      })),
    }),
    expected: [{
      status: 'ERROR',
      messageId: 'centralUnknown',
      resource: bus,
      params: { reason: 'health:DescribeHealthServiceStatusForOrganization failed (AccessDeniedException)' },
    }],
  },
  {
    name: 'delegated administrators unlisted and the management account does not route: ERROR',
    input: health({ org: ok(healthOrganization({ delegatedAdministrators: undefined })), ...centralScanned([]) }),
    expected: [{ status: 'ERROR', messageId: 'centralUnknown', resource: bus, params: { reason: 'the Health delegated administrators could not be listed' } }],
  },
  {
    name: 'management account unknown: ERROR',
    input: health({ org: ok(healthOrganization({ managementAccountId: undefined })), membership: failed() }),
    expected: [{ status: 'ERROR', messageId: 'centralUnknown', resource: bus, params: { reason: 'the management account is unknown' } }],
  },
  {
    name: 'an account of another organization is not credited with this organization\'s central coverage: FAIL saying why',
    input: health({
      org: orgOn,
      organization: ok(callerOrganization({ memberAccountIds: [CENTRAL_ACCOUNT] })),
      membership: ok(membership({ organizationId: 'o-other000' })),
      ...centralScanned(ALL),
    }),
    expected: [{ status: 'FAIL', messageId: 'centralNotCredited', resource: bus, params: { why: "the account belongs to organization o-other000, not to the scanning account's o-abc123" } }],
  },
  {
    name: 'membership unknown: no credit, saying why',
    input: health({ org: orgOn, organization: ok(callerOrganization({ memberAccountIds: undefined, listError: { code: 'AccessDeniedException', message: 'denied' } })), membership: failed(), ...centralScanned(ALL) }),
    expected: [{ status: 'FAIL', messageId: 'centralNotCredited', resource: bus }],
  },
  {
    name: 'status API unavailable on the support plan and Health not in the service access list: no central coverage, FAIL',
    input: health({ org: ok(healthOrganization({ healthOrganizationView: undefined, healthOrganizationViewUnknowable: true, healthServiceAccessEnabled: false })), ...centralScanned(ALL) }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
  {
    name: 'status API unavailable on the support plan but Health in the service access list: judged centrally',
    input: health({ org: ok(healthOrganization({ healthOrganizationView: undefined, healthOrganizationViewUnknowable: true })), ...centralScanned(ALL) }),
    expected: [{ status: 'PASS', messageId: 'coveredCentrally', resource: bus }],
  },
  {
    name: 'a central rule filtering detail.affectedAccount on the central account itself does not cover a member',
    input: health({
      org: orgOn,
      scanned: [CENTRAL_ACCOUNT],
      remote: {
        [`${CENTRAL_ACCOUNT}/${US_EAST_1}`]: ok(eventRules(rule({ name: 'org-health', accountId: CENTRAL_ACCOUNT, region: US_EAST_1, matches: ALL, memberMatches: Object.fromEntries(ALL.map((s) => [s, { '*': { forwarded: false, delivered: false } }])), targets: [snsTopic('security', CENTRAL_ACCOUNT, US_EAST_1)] }))),
      },
    }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
  {
    name: 'us-east-1 closed by an SCP and no central account covers it: ERROR, a rule may exist',
    input: health({ rulesView: failed('AccessDeniedException', 'scp-denied') }),
    expected: [{ status: 'ERROR', messageId: 'rulesClosed', resource: bus, params: { code: 'AccessDeniedException' } }],
  },
  {
    name: 'us-east-1 closed by an SCP but a scanned central account covers it: PASS',
    input: health({ rulesView: failed('AccessDeniedException', 'scp-denied'), org: orgOn, ...centralScanned(ALL) }),
    expected: [{ status: 'PASS', messageId: 'coveredCentrally', resource: bus }],
  },
  {
    name: 'rules unreadable for another reason: ERROR naming it',
    input: health({ rulesView: failed('AccessDeniedException') }),
    expected: [{ status: 'ERROR', messageId: 'rulesUnreadable', resource: bus, params: { code: 'AccessDeniedException' } }],
  },
  {
    name: 'the account is itself the management account: its own rules decide',
    input: health({ org: ok(healthOrganization({ managementAccountId: ACCOUNT })), membership: ok(membership({ managementAccountId: ACCOUNT })) }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
  {
    name: 'forwarded to an unscanned account\'s bus: WARN, not verified',
    input: health({ rules: [rule({ region: US_EAST_1, matches: ALL, targets: [eventBus(OTHER_ACCOUNT, US_EAST_1)] })] }),
    expected: [{ status: 'WARN', messageId: 'forwardedUnverified', resource: bus }],
  },
  {
    name: 'forwarded to a scanned account that routes all: PASS',
    input: health({
      rules: [rule({ region: US_EAST_1, matches: ALL, targets: [eventBus(OTHER_ACCOUNT, US_EAST_1)] })],
      scanned: [OTHER_ACCOUNT],
      remote: { [`${OTHER_ACCOUNT}/${US_EAST_1}`]: central(ALL, OTHER_ACCOUNT) },
    }),
    expected: [{ status: 'PASS', messageId: 'routedLocally', resource: bus }],
  },
  {
    name: 'forwarded to a scanned account whose rules failed: ERROR',
    input: health({
      rules: [rule({ region: US_EAST_1, matches: ALL, targets: [eventBus(OTHER_ACCOUNT, US_EAST_1)] })],
      scanned: [OTHER_ACCOUNT],
      remote: { [`${OTHER_ACCOUNT}/${US_EAST_1}`]: failed() },
    }),
    expected: [{ status: 'ERROR', messageId: 'forwardError', resource: bus }],
  },
]);
