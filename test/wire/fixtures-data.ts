// The logging, monitoring, ticketing, edge and data slices of the wire organization: MGMT holds the
// organization trail, the monitoring sink, Macie, Inspector and Incident Manager; PROD is linked to
// it and runs the internet-facing APIs, alarms and GuardDuty Runtime Monitoring. Elsewhere these
// services keep AWS's answers for what is not set up (Macie and Inspector not enabled, no trail, no
// response plan), so both kinds of answer are collected.

import type { AccountSpec, RegionSpec, Scenario } from '../fake-aws/index.js';
import { stableId } from '../fake-aws/params.js';

/** The role the product assumes customer roles with (settings.ftr.productPrincipals of the wire scan). */
export const PRODUCT_ROLE = (managementId: string) => `arn:aws:iam::${managementId}:role/product`;
const CUSTOMER_ACCOUNT = '888877776666';

function withRegion(account: AccountSpec, region: string, slice: (current: RegionSpec) => RegionSpec): AccountSpec {
  const current = account.regions[region] ?? {};
  return { ...account, regions: { ...account.regions, [region]: { ...current, ...slice(current) } } };
}

/** The organization trail, a dashboard, the sink of the monitoring account and the security services that are on. */
function management(account: AccountSpec): AccountSpec {
  const withTrail: AccountSpec = {
    ...account,
    trails: [{ name: 'organization', homeRegion: 'us-east-1', organization: true, bucket: 'log-archive-org-trail' }],
    dashboards: ['service-kpis'],
    assumeRoleEvents: [
      { when: '-3d', caller: PRODUCT_ROLE(account.id), roleArn: `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/partner-read`, externalId: 'customer-7f3a' },
      { when: '-2d', caller: PRODUCT_ROLE(account.id), roleArn: `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/legacy-read` },
    ],
  };
  // The Health rule's topic only emails people: routed, but not to a tracker.
  const usEast = withRegion(withTrail, 'us-east-1', () => ({
    snsSubscriptions: [{ topic: 'tickets', protocol: 'email', endpoint: 'secops@example.com' }],
  }));
  return withRegion(usEast, 'eu-west-1', () => ({
    oamSinks: ['monitoring'],
    responsePlans: ['security-sev1'],
    slos: ['checkout-latency'],
    canaries: [{ name: 'storefront', state: 'RUNNING' }],
    macie: { status: 'ENABLED', jobs: [{ name: 'customer-data', status: 'RUNNING', type: 'SCHEDULED' }] },
    inspector: { scans: ['ec2', 'ecr', 'lambda'], findings: [{ severity: 'CRITICAL', firstObserved: '-45d', resourceType: 'AWS_EC2_INSTANCE' }] },
  }));
}

/** Linked to the monitoring account; public APIs behind WAF; alarms; Runtime Monitoring; findings reach Jira. */
function production(account: AccountSpec, managementId: string): AccountSpec {
  const topic = (name: string) => `arn:aws:sns:eu-west-1:${account.id}:${name}`;
  const webAcl = `arn:aws:wafv2:eu-west-1:${account.id}:regional/webacl/edge-protection/${stableId('edge-protection', 36)}`;
  return withRegion(account, 'eu-west-1', (current) => ({
    oamLinks: [{ monitoringAccount: managementId, label: 'prod-eu' }],
    alarms: [
      { name: 'web-5xx', metric: 'AWS/ApplicationELB/HTTPCode_Target_5XX_Count', actions: [topic('ops')] },
      { name: 'queue-depth', metric: 'AWS/SQS/ApproximateNumberOfMessagesVisible', actionsEnabled: false, actions: [topic('ops')] },
    ],
    snsSubscriptions: [
      { topic: 'ops', protocol: 'https', endpoint: 'https://events.pagerduty.com/integration/abc/enqueue' },
      // GuardDuty's routing rule (ownFindingsOnlyRule) delivers here.
      { topic: 'soc', protocol: 'https', endpoint: 'https://acme.atlassian.net/rest/webhooks/1' },
      { topic: 'soc', protocol: 'email', endpoint: 'soc@example.com', confirmed: false },
    ],
    eventBridge: { ...current.eventBridge, apiDestinations: [{ name: 'servicenow', endpoint: 'https://acme.service-now.com/api/now/table/incident' }] },
    guardDuty: { ...current.guardDuty, features: ['RUNTIME_MONITORING'], coverage: { healthy: 10, unhealthy: 1 } },
    waf: {
      webAcls: [
        { name: 'edge-protection', managedGroups: [{ name: 'AWSManagedRulesCommonRuleSet' }, { name: 'AWSManagedRulesSQLiRuleSet', countOnly: true }], protects: ['/app/web/'] },
      ],
    },
    apiGateway: {
      restApis: [
        {
          name: 'orders',
          stages: [{ name: 'prod', webAclArn: webAcl }],
          methods: [
            { path: '/orders', method: 'GET', authorization: 'COGNITO_USER_POOLS' },
            { path: '/orders', method: 'OPTIONS' },
            { path: '/status', method: 'GET' },
          ],
        },
      ],
      httpApis: [{ name: 'webhooks', routes: [{ routeKey: 'POST /webhooks', authorization: 'JWT' }] }],
    },
    appSyncApis: [{ name: 'catalog', authenticationType: 'AMAZON_COGNITO_USER_POOLS' }],
    cognitoUserPools: ['customers'],
  }));
}

/** The scenario with the data slices added to its management account and its production-tagged account. */
export function withData(scenario: Scenario): Scenario {
  const managementId = scenario.managementAccountId;
  const isProduction = (a: AccountSpec) => a.tags?.Environment === 'production';
  return {
    ...scenario,
    accounts: scenario.accounts.map((a) => (a.id === managementId ? management(a) : isProduction(a) ? production(a, managementId) : a)),
  };
}
