import check from '../../checks/eventbridge-findings-reach-ticketing.js';
import { securityHubTicketing } from '../helpers/fixtures/governance.js';
import { apiDestination, apiDestinations, subscription, subscriptions } from '../helpers/fixtures/observability.js';
import { defaultBus, eventBus, eventRules, rule, snsTopic } from '../helpers/fixtures/eventbridge.js';
import { CENTRAL_ACCOUNT, failed, input, ok, orgView, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const jira = apiDestination('jira', 'acme.atlassian.net');
const central = snsTopic('soc', CENTRAL_ACCOUNT);

runCheckCases(check, [
  {
    name: 'a GuardDuty rule to a Jira API destination and a Config rule to OpsCenter: PASS naming both',
    input: input({
      data: {
        rules: eventRules(
          rule({ name: 'gd', matches: ['guardduty:credential-exfiltration'], targets: [jira.arn] }),
          rule({ name: 'cfg', matches: ['config:non-compliant'], targets: [`arn:aws:ssm:${REGION}:111122223333:opsitem`] }),
        ),
        destinations: apiDestinations(jira),
        subscriptions: subscriptions(),
      },
      optional: { ticketing: failed(), responsePlans: failed() },
    }),
    expected: [{ status: 'PASS', messageId: 'reachesTicketing', resource: defaultBus(), params: { systems: 'Jira (acme.atlassian.net via API destination jira); Systems Manager OpsCenter' } }],
  },
  {
    name: 'forwarded to a central bus whose rule reaches an SNS topic with a confirmed PagerDuty subscription',
    input: input({
      data: { rules: eventRules(rule({ name: 'fwd', matches: ['securityhub-v1:control'], targets: [eventBus(CENTRAL_ACCOUNT)] })), destinations: apiDestinations(), subscriptions: subscriptions() },
      optional: { ticketing: failed(), responsePlans: failed() },
      org: orgView({
        scanned: [CENTRAL_ACCOUNT],
        rules: { [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(eventRules(rule({ name: 'soc', matches: ['securityhub-v1:control'], targets: [central], accountId: CENTRAL_ACCOUNT }))) },
        datasets: { 'sns.subscriptions': { [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(subscriptions(subscription(central, 'https', 'events.pagerduty.com'))) } },
      }),
    }),
    expected: [{ status: 'PASS', messageId: 'reachesTicketing', resource: defaultBus(), params: { systems: `PagerDuty (events.pagerduty.com via SNS topic ${central})` } }],
  },
  {
    name: 'no route, but a Security Hub connector and a ticket-opening automation rule: PASS',
    input: input({
      data: { rules: eventRules(), destinations: apiDestinations(), subscriptions: subscriptions() },
      optional: {
        responsePlans: ok({ available: true, responsePlans: [] }),
        ticketing: ok(
          securityHubTicketing({
            automationRules: [{ name: 'open-jira', ticketing: true, status: 'ENABLED' }, { name: 'off', ticketing: true, status: 'DISABLED' }],
            connectors: [{ name: 'jira', provider: 'JIRA_CLOUD', status: 'CONNECTED' }, { name: 'snow', provider: 'SERVICENOW', status: 'FAILED_TO_CONNECT' }],
          }),
        ),
      },
    }),
    expected: [{ status: 'PASS', messageId: 'reachesTicketing', resource: defaultBus(), params: { systems: 'Security Hub automation rule open-jira; Security Hub connector jira (Jira Cloud)' } }],
  },
  {
    name: 'routes ending at email, an unconfirmed topic, an unknown host and Lambda: WARN attest',
    input: input({
      data: {
        rules: eventRules(
          rule({ name: 'mail', matches: ['health:AWS_RISK_CREDENTIALS_EXPOSED'], targets: [snsTopic('mail'), snsTopic('pending')] }),
          rule({ name: 'hook', matches: ['guardduty:c2-activity'], targets: [apiDestination('hook', 'hooks.example.com').arn, 'arn:aws:lambda:eu-west-1:111122223333:function:triage'] }),
        ),
        destinations: apiDestinations(apiDestination('hook', 'hooks.example.com')),
        subscriptions: subscriptions(subscription(snsTopic('mail'), 'email', 'example.com'), subscription(snsTopic('pending'), 'https', 'events.pagerduty.com', false)),
      },
      optional: { ticketing: ok(securityHubTicketing({ enabled: false })), responsePlans: failed() },
    }),
    expected: [{ status: 'WARN', messageId: 'unconfirmedSystem', resource: defaultBus() }],
  },
  {
    name: 'an Incident Manager response plan that exists counts; one that no longer exists does not',
    input: input({
      data: {
        rules: eventRules(rule({ name: 'sev', matches: ['guardduty:c2-activity'], targets: ['arn:aws:ssm-incidents::111122223333:response-plan/sev1', 'arn:aws:ssm-incidents::111122223333:response-plan/gone'] })),
        destinations: apiDestinations(),
        subscriptions: subscriptions(),
      },
      optional: { ticketing: failed(), responsePlans: ok({ available: true, responsePlans: [{ arn: 'arn:aws:ssm-incidents::111122223333:response-plan/sev1', name: 'sev1' }] }) },
    }),
    expected: [{ status: 'PASS', messageId: 'reachesTicketing', resource: defaultBus(), params: { systems: 'Incident Manager (response-plan/sev1)' } }],
  },
  {
    name: 'no routing rule and no Security Hub ticketing: WARN',
    input: input({ data: { rules: eventRules(rule({ name: 'other' })), destinations: apiDestinations(), subscriptions: subscriptions() }, optional: { ticketing: ok(securityHubTicketing()), responsePlans: failed() } }),
    expected: [{ status: 'WARN', messageId: 'noRouting', resource: defaultBus() }],
  },
]);
