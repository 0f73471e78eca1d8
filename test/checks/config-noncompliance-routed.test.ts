import check from '../../checks/config-noncompliance-routed.js';
import type { EventRulesEvidence } from '../../src/datasets/eventbridge/datasets.js';
import type { SecurityHubEvidence } from '../../src/datasets/securityhub/datasets.js';
import type { DatasetView } from '../../src/contract/check.js';
import { defaultBus, eventBus, eventRules, rule, snsTopic } from '../helpers/fixtures/eventbridge.js';
import { apiDestination, apiDestinations } from '../helpers/fixtures/observability.js';
import { callerOrganization, configRecorders, hub, membership, recorder } from '../helpers/fixtures/security.js';
import { CENTRAL_ACCOUNT, failed, input, ok, orgView, OTHER_ACCOUNT, REGION } from '../helpers/input.js';
import { type CheckCase, runCheckCases } from '../helpers/run-check-cases.js';

const TOPIC = snsTopic('config-topic');
const withSns = [{ name: 'default', s3BucketName: 'config-bucket', snsTopicArn: TOPIC }];
const bus = defaultBus();
const SH_ADMIN = { accountId: CENTRAL_ACCOUNT, memberStatus: 'Enabled' };

function cfg(options: {
  rules?: ReturnType<typeof rule>[];
  recording?: boolean;
  channels?: typeof withSns;
  hub?: DatasetView<SecurityHubEvidence>;
  scanned?: string[];
  remote?: Record<string, DatasetView<EventRulesEvidence>>;
  /** The account's own organization (default: the scanning account's, which lists it). */
  ownOrganization?: string;
}): CheckCase['input'] {
  return input({
    data: {
      recorders: configRecorders([recorder({ recording: options.recording ?? true })], options.channels ?? [{ name: 'default', s3BucketName: 'config-bucket' }]),
      rules: eventRules(...(options.rules ?? [])),
    },
    optional: { hub: options.hub ?? ok(hub({ enabled: false })), organization: ok(callerOrganization({ memberAccountIds: options.ownOrganization ? [] : undefined })), membership: ok(membership(options.ownOrganization ? { organizationId: options.ownOrganization } : {})) },
    org: orgView({ scanned: options.scanned ?? [], rules: options.remote ?? {} }),
  });
}

runCheckCases(check, [
  {
    name: 'no recording recorder: nothing to route',
    input: cfg({ recording: false, rules: [rule({ matches: ['config:non-compliant'] })] }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'notRecording', resource: bus }],
  },
  {
    name: 'a rule matching the NON_COMPLIANT change: PASS',
    input: cfg({ rules: [rule({ name: 'config-violations', matches: ['config:non-compliant'] })] }),
    expected: [{ status: 'PASS', messageId: 'routed', resource: bus, params: { routes: `config-violations → ${snsTopic()}` } }],
  },
  {
    name: 'a rule to an API destination for ServiceNow: the finding names it',
    input: (() => {
      const snow = apiDestination('snow', 'acme.service-now.com');
      const base = cfg({ rules: [rule({ name: 'config-violations', matches: ['config:non-compliant'], targets: [snow.arn] })] });
      return { ...base, optional: { ...base.optional, destinations: ok(apiDestinations(snow)) } };
    })(),
    expected: [{ status: 'PASS', messageId: 'routed', resource: bus, params: { ticketing: '; it reaches ServiceNow (acme.service-now.com via API destination snow)' } }],
  },
  {
    name: 'a direct rule wins over the SNS channel',
    input: cfg({ rules: [rule({ matches: ['config:non-compliant'] })], channels: withSns }),
    expected: [{ status: 'PASS', messageId: 'routed', resource: bus }],
  },
  {
    name: 'only the delivery channel\'s SNS topic: WARN to confirm',
    input: cfg({ channels: withSns }),
    expected: [{ status: 'WARN', messageId: 'routedToSns', resource: bus, params: { topic: TOPIC, channel: 'default' } }],
  },
  {
    name: 'Security Hub enabled and a rule on its Config findings: PASS',
    input: cfg({ rules: [rule({ matches: ['securityhub-v1:config'] })], hub: ok(hub()) }),
    expected: [{ status: 'PASS', messageId: 'routedViaSecurityHub', resource: bus, params: { product: 'Config or failed-control' } }],
  },
  {
    name: 'a Security Hub rule on failed control findings counts too (controls run on Config rules), either product name',
    input: cfg({ rules: [rule({ matches: ['securityhub-v1:control-cspm'] })], hub: ok(hub()) }),
    expected: [{ status: 'PASS', messageId: 'routedViaSecurityHub', resource: bus }],
  },
  {
    name: 'a Security Hub rule for GuardDuty findings only does not count',
    input: cfg({ rules: [rule({ matches: ['securityhub-v2:guardduty'] })], hub: ok(hub()) }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
  {
    name: 'nothing routes: FAIL',
    input: cfg({ rules: [rule({ matches: ['guardduty:credential-exfiltration'] })] }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
  {
    name: 'Security Hub unreadable, nothing else: ERROR',
    input: cfg({ hub: failed('InternalException', 'error') }),
    expected: [{ status: 'ERROR', messageId: 'securityHubUnreadable', resource: bus, params: { code: 'InternalException' } }],
  },
  {
    name: 'Security Hub administrator not scanned: WARN naming it',
    input: cfg({ hub: ok(hub({ administrator: SH_ADMIN })) }),
    expected: [{ status: 'WARN', messageId: 'securityHubAdministratorNotScanned', resource: bus, params: { admin: CENTRAL_ACCOUNT, product: 'Config or failed-control' } }],
  },
  {
    name: 'Security Hub administrator scanned and routing Config findings: PASS',
    input: cfg({
      hub: ok(hub({ administrator: SH_ADMIN })),
      scanned: [CENTRAL_ACCOUNT],
      remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(eventRules(rule({ accountId: CENTRAL_ACCOUNT, matches: ['securityhub-v2:config'] }))) },
    }),
    expected: [{ status: 'PASS', messageId: 'routedBySecurityHubAdministrator', resource: bus }],
  },
  {
    name: 'Security Hub administrator of another organization is not credited: FAIL saying why',
    input: cfg({
      hub: ok(hub({ administrator: SH_ADMIN })),
      scanned: [CENTRAL_ACCOUNT],
      remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(eventRules(rule({ accountId: CENTRAL_ACCOUNT, matches: ['securityhub-v2:config'] }))) },
      ownOrganization: 'o-other000',
    }),
    expected: [{ status: 'FAIL', messageId: 'securityHubAdministratorNotCredited', resource: bus, params: { admin: CENTRAL_ACCOUNT } }],
  },
  {
    name: 'Security Hub administrator rules unreadable: ERROR',
    input: cfg({ hub: ok(hub({ administrator: SH_ADMIN })), scanned: [CENTRAL_ACCOUNT], remote: { [`${CENTRAL_ACCOUNT}/${REGION}`]: failed() } }),
    expected: [{ status: 'ERROR', messageId: 'securityHubAdministratorUnreadable', resource: bus }],
  },
  {
    name: 'forwarded to an unscanned account: WARN, not verified',
    input: cfg({ rules: [rule({ matches: ['config:non-compliant'], targets: [eventBus(OTHER_ACCOUNT)] })] }),
    expected: [{ status: 'WARN', messageId: 'forwardedUnverified', resource: bus }],
  },
  {
    name: 'forwarded to a scanned account whose rules failed: ERROR',
    input: cfg({
      rules: [rule({ matches: ['config:non-compliant'], targets: [eventBus(OTHER_ACCOUNT)] })],
      scanned: [OTHER_ACCOUNT],
      remote: { [`${OTHER_ACCOUNT}/${REGION}`]: failed() },
    }),
    expected: [{ status: 'ERROR', messageId: 'forwardError', resource: bus }],
  },
  {
    name: 'forwarded to a custom bus of the same account that routes it: PASS',
    input: cfg({
      rules: [
        rule({ name: 'to-ops', matches: ['config:non-compliant'], targets: [eventBus('111122223333', REGION, 'ops')] }),
        rule({ name: 'ops-tickets', busName: 'ops', matches: ['config:non-compliant'] }),
      ],
    }),
    expected: [{ status: 'PASS', messageId: 'routed', resource: bus }],
  },
  {
    name: 'a rule forwarding to its own bus is a loop, not a route',
    input: cfg({ rules: [rule({ matches: ['config:non-compliant'], targets: [defaultBus()] })] }),
    expected: [{ status: 'FAIL', messageId: 'notRouted', resource: bus }],
  },
]);
