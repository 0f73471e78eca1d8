import { defineCheck, type DatasetView } from '../src/contract/check.js';
import { apiDestinations, askRouting, eventRules } from '../src/datasets/eventbridge/datasets.js';
import type { RoutingSampleId } from '../src/datasets/eventbridge/samples/index.js';
import { securityHubTicketing, type SecurityHubTicketingEvidence } from '../src/datasets/securityhub/datasets.js';
import { snsSubscriptions } from '../src/datasets/sns/datasets.js';
import { responsePlans } from '../src/datasets/ssm-incidents/datasets.js';
import { ALL_SAMPLES as HEALTH_SAMPLES } from './lib/routing/health.js';
import { routeSample, routingScope, type Route } from './lib/routing/routes.js';
import { SECURITY_HUB_PRODUCTS } from './lib/routing/security-hub-path.js';
import { ticketingLookup, ticketingReached } from './lib/ticketing.js';

/** The events the routing requirements (IAM-005, SECOPS-007/008/009) ask to reach the tracker, as their checks ask them. */
const SECURITY_SAMPLES: RoutingSampleId[] = [
  ...HEALTH_SAMPLES,
  'guardduty:credential-exfiltration',
  'guardduty:c2-activity',
  'config:non-compliant',
  ...Object.values(SECURITY_HUB_PRODUCTS).flatMap((p) => p.samples),
];

const CONNECTOR_NAMES: Record<string, string> = { JIRA_CLOUD: 'Jira Cloud', SERVICENOW: 'ServiceNow ITSM' };

const MESSAGES = {
  reachesTicketing: 'Security events in {region} reach a ticketing system: {systems}.',
  unconfirmedSystem: 'Security events in {region} are routed, but to no recognized ticketing system: {targets}; attest that they reach the ticketing system.',
  noRouting: 'No rule in {region} routes the security events (Health RISK, GuardDuty, Config or Security Hub findings) anywhere, and Security Hub opens no tickets there; attest the security issue tracker.',
} as const;

/** Security Hub's own ticketing: enabled v2 automation rules that open tickets, and connected connectors. */
function securityHubSystems(view: DatasetView<SecurityHubTicketingEvidence> | undefined): string[] {
  if (!view?.ok || !view.data.enabled) return [];
  const rules = view.data.automationRules.filter((r) => r.ticketing && r.status !== 'DISABLED').map((r) => `Security Hub automation rule ${r.name}`);
  const connectors = view.data.connectors
    .filter((c) => c.status === 'CONNECTED')
    .map((c) => `Security Hub connector ${c.name} (${CONNECTOR_NAMES[c.provider ?? ''] ?? c.provider ?? 'unknown provider'})`);
  return [...rules, ...connectors];
}

export default defineCheck({
  id: 'eventbridge-findings-reach-ticketing',
  title: 'Security events reach a ticketing system',
  description:
    'Follows, in each region, the EventBridge rules that route the events the routing requirements watch (AWS Health RISK events, ' +
    'GuardDuty findings, Config non-compliance and Security Hub findings, judged by TestEventPattern, across forwarding buses) to their ' +
    'final targets, and names the system each reaches: an API destination by the host of its endpoint (Jira, ServiceNow, PagerDuty, ' +
    'Opsgenie, ...), an SNS topic by its confirmed HTTPS subscriptions to such a host, Systems Manager OpsCenter and Incident Manager by ' +
    'their ARNs (a response plan that no longer exists does not count). Security Hub v2 automation rules that open tickets and connected Jira Cloud or ServiceNow connectors also count. Any of ' +
    'these passes; routes that end only at email or unknown endpoints warn "attest that it reaches the ticketing system"; no route at all warns.',
  requirements: { 'smb-competency': ['SECOPS-006'] },
  severity: 'medium',
  scope: 'region',
  uses: { rules: eventRules, destinations: apiDestinations, subscriptions: snsSubscriptions },
  optionalUses: { ticketing: securityHubTicketing, responsePlans },
  readsOtherAccounts: [eventRules, apiDestinations, snsSubscriptions],
  asks: [askRouting(SECURITY_SAMPLES)],
  remediation:
    'Send the security findings to the tracker: an EventBridge API destination to Jira, ServiceNow or PagerDuty (`aws events ' +
    'create-api-destination`) as the target of the routing rules, an SNS topic with a confirmed HTTPS subscription to it, or a Security ' +
    'Hub connector (Jira Cloud, ServiceNow) with an automation rule that opens tickets.',
  docsUrl: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { scope, resource } = routingScope(input);
    const routes: Route[] = SECURITY_SAMPLES.flatMap((sample) => routeSample(scope, sample).routes).filter((r) => r.status !== 'dropped');
    const plans = input.optional.responsePlans;
    const lookup = ticketingLookup({
      accountId: input.accountId,
      region: input.region,
      destinations: input.data.destinations,
      subscriptions: input.data.subscriptions,
      ...(plans.ok && { responsePlans: plans.data }),
      org: input.org,
    });
    const targets = [...new Set(routes.filter((r) => r.status === 'routed').flatMap((r) => r.targets))];
    const { integrations, systems: reached } = ticketingReached(targets, lookup);
    const hubSystems = securityHubSystems(input.optional.ticketing);
    const systems = [...reached, ...hubSystems];
    const evidence = { integrations, securityHub: hubSystems, routes: routes.map((r) => ({ sample: r.sample, status: r.status, path: r.path })) };
    const params = { region: input.region };
    if (systems.length > 0) return [{ status: 'PASS', messageId: 'reachesTicketing', resource, params: { ...params, systems: systems.join('; ') }, evidence }];
    if (routes.length > 0) {
      const seen = [...new Set([...integrations.map((i) => i.system), ...routes.filter((r) => r.status !== 'routed').map((r) => r.path)])];
      return [{ status: 'WARN', messageId: 'unconfirmedSystem', resource, params: { ...params, targets: seen.join('; ') }, evidence }];
    }
    return [{ status: 'WARN', messageId: 'noRouting', resource, params, evidence }];
  },
});
