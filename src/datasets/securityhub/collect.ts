import type * as SdkSecurityhub from '@aws-sdk/client-securityhub';
import type { AwsSecurityFindingFilters } from '@aws-sdk/client-securityhub';
import { defineCollector } from '../../contract/collector.js';
import { CIS_STANDARD, FTR_CIS_CONTROLS, securityHub, securityHubStandards, securityHubTicketing } from './datasets.js';
import { collectPages, collectTokenPages, isErrorNamed, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeHubCommand,
  GetAdministratorAccountCommand,
  ListAutomationRulesV2Command,
  ListConnectorsV2Command,
  paginateGetEnabledStandards,
  paginateGetFindings,
  SecurityHubClient,
} = sdkModule<typeof SdkSecurityhub>('@aws-sdk/client-securityhub');
type SecurityHubClient = SdkSecurityhub.SecurityHubClient;

/** DescribeHub's answer in a region where Security Hub is off ("Account … is not subscribed to AWS Security Hub"). */
function isNotSubscribed(err: unknown): boolean {
  return isErrorNamed(err, 'InvalidAccessException') && /not subscribed to AWS Security Hub/i.test((err as Error).message);
}

const collectSecurityHub = defineCollector(securityHub, async (ctx) => {
  const hub = ctx.clients.get(SecurityHubClient);
  let hubArn: string;
  try {
    hubArn = required((await hub.send(new DescribeHubCommand({}))).HubArn, 'DescribeHub.HubArn');
  } catch (err) {
    if (isNotSubscribed(err)) return { enabled: false };
    throw err;
  }
  const { Administrator } = await hub.send(new GetAdministratorAccountCommand({}));
  return {
    enabled: true,
    hubArn,
    administrator: Administrator && {
      accountId: required(Administrator.AccountId, 'Administrator.AccountId'),
      memberStatus: required(Administrator.MemberStatus, 'Administrator.MemberStatus'),
    },
  };
});

/** Active FAILED findings of the FTR's CIS controls, not suppressed: resources per control (one finding per control and resource). */
const FAILED_CIS_FINDINGS: AwsSecurityFindingFilters = {
  ComplianceSecurityControlId: FTR_CIS_CONTROLS.map((Value) => ({ Value, Comparison: 'EQUALS' })),
  ComplianceStatus: [{ Value: 'FAILED', Comparison: 'EQUALS' }],
  RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
  WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'NOT_EQUALS' }],
};

async function failedResourcesByControl(client: SecurityHubClient): Promise<Record<string, number>> {
  const findings = await collectPages(paginateGetFindings({ client }, { Filters: FAILED_CIS_FINDINGS, MaxResults: 100 }), (page) => page.Findings);
  const resources = new Map<string, Set<string>>(FTR_CIS_CONTROLS.map((id) => [id, new Set<string>()]));
  // With standard-specific control findings each standard reports its own: count each resource once.
  for (const finding of findings) {
    const control = finding.Compliance?.SecurityControlId;
    for (const resource of finding.Resources ?? []) if (control && resource.Id) resources.get(control)?.add(resource.Id);
  }
  return Object.fromEntries([...resources].map(([id, set]) => [id, set.size]));
}

const collectStandards = defineCollector(securityHubStandards, async (ctx) => {
  const client = ctx.clients.get(SecurityHubClient);
  let subscriptions;
  try {
    subscriptions = await collectPages(paginateGetEnabledStandards({ client }, {}), (page) => page.StandardsSubscriptions);
  } catch (err) {
    if (isNotSubscribed(err)) return { enabled: false, standards: [] };
    throw err;
  }
  const standards = subscriptions.map((s) => ({ standardsArn: required(s.StandardsArn, 'StandardsArn'), status: required(s.StandardsStatus, 'StandardsStatus') }));
  const cis = standards.some((s) => CIS_STANDARD.test(s.standardsArn) && s.status === 'READY');
  return { enabled: true, standards, ...(cis && { failedResourcesByControl: await failedResourcesByControl(client) }) };
});

const collectTicketing = defineCollector(securityHubTicketing, async (ctx) => {
  const client = ctx.clients.get(SecurityHubClient);
  try {
    // No paginators for the v2 lists: NextToken by hand.
    const [rules, connectors] = await Promise.all([
      collectTokenPages((NextToken) => client.send(new ListAutomationRulesV2Command({ NextToken })), (page) => page.Rules),
      collectTokenPages((NextToken) => client.send(new ListConnectorsV2Command({ NextToken })), (page) => page.Connectors),
    ]);
    return {
      enabled: true,
      automationRules: rules.map((rule) => ({
        name: required(rule.RuleName, 'RuleName'),
        arn: rule.RuleArn,
        status: rule.RuleStatus,
        ticketing: (rule.Actions ?? []).some((action) => action.Type === 'EXTERNAL_INTEGRATION'),
      })),
      connectors: connectors.map((c) => ({ name: required(c.Name, 'Connector.Name'), provider: c.ProviderSummary?.ProviderName, status: c.ProviderSummary?.ConnectorStatus })),
    };
  } catch (err) {
    if (isNotSubscribed(err)) return { enabled: false, automationRules: [], connectors: [] };
    throw err;
  }
});

export const COLLECTORS = [collectSecurityHub, collectStandards, collectTicketing];
