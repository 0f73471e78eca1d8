import { GetEnabledStandardsCommand, GetFindingsCommand, InvalidAccessException, ListAutomationRulesV2Command, ListConnectorsV2Command, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { securityHubStandards, securityHubTicketing } from '../../src/datasets/securityhub/datasets.js';
import { ACCOUNT_ID, collect, testContext } from './context.js';

const hub = mockClient(SecurityHubClient);
const notSubscribed = () => new InvalidAccessException({ message: `Account ${ACCOUNT_ID} is not subscribed to AWS Security Hub`, $metadata: {} });
const CIS = 'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0';

describe('securityhub.standards', () => {
  beforeEach(() => hub.reset());

  it('counts failed resources per CIS control once, where a CIS standard is enabled', async () => {
    hub.on(GetEnabledStandardsCommand).resolves({ StandardsSubscriptions: [{ StandardsSubscriptionArn: 's', StandardsArn: CIS, StandardsInput: {}, StandardsStatus: 'READY' }] });
    const finding = (control: string, resource: string) => ({ Compliance: { SecurityControlId: control }, Resources: [{ Type: 't', Id: resource }] });
    hub.on(GetFindingsCommand)
      .resolvesOnce({ Findings: [finding('IAM.4', 'root'), finding('EC2.2', 'sg-1')] as never, NextToken: 'n' })
      .resolvesOnce({ Findings: [finding('EC2.2', 'sg-1'), finding('EC2.2', 'sg-2')] as never });
    const data = await collect(securityHubStandards, testContext());
    expect(data.standards).toEqual([{ standardsArn: CIS, status: 'READY' }]);
    expect(data.failedResourcesByControl).toMatchObject({ 'IAM.4': 1, 'EC2.2': 2, 'IAM.5': 0 });
    const filters = hub.commandCalls(GetFindingsCommand)[0]!.args[0].input.Filters!;
    expect(filters.ComplianceStatus).toEqual([{ Value: 'FAILED', Comparison: 'EQUALS' }]);
    expect(filters.ComplianceSecurityControlId!.map((f) => f.Value)).toContain('Account.1');
  });

  it('asks no findings without a CIS standard, and reads "not subscribed" as not enabled', async () => {
    hub.on(GetEnabledStandardsCommand).resolvesOnce({ StandardsSubscriptions: [{ StandardsSubscriptionArn: 's', StandardsArn: 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0', StandardsInput: {}, StandardsStatus: 'READY' }] }).rejectsOnce(notSubscribed());
    expect(await collect(securityHubStandards, testContext())).not.toHaveProperty('failedResourcesByControl');
    expect(hub.commandCalls(GetFindingsCommand)).toHaveLength(0);
    expect(await collect(securityHubStandards, testContext())).toEqual({ enabled: false, standards: [] });
  });
});

describe('securityhub.ticketing', () => {
  beforeEach(() => hub.reset());

  it('reads the v2 automation rules that open tickets and the connectors', async () => {
    hub.on(ListAutomationRulesV2Command).resolves({ Rules: [{ RuleName: 'to-jira', RuleArn: 'arn:r', RuleStatus: 'ENABLED', Actions: [{ Type: 'EXTERNAL_INTEGRATION' }] }, { RuleName: 'suppress', Actions: [{ Type: 'FINDING_FIELDS_UPDATE' }] }] });
    hub.on(ListConnectorsV2Command).resolves({ Connectors: [{ ConnectorId: 'c', Name: 'jira', ProviderSummary: { ProviderName: 'JIRA_CLOUD', ConnectorStatus: 'CONNECTED' }, CreatedAt: new Date() }] });
    expect(await collect(securityHubTicketing, testContext())).toEqual({
      enabled: true,
      automationRules: [
        { name: 'to-jira', arn: 'arn:r', status: 'ENABLED', ticketing: true },
        { name: 'suppress', arn: undefined, status: undefined, ticketing: false },
      ],
      connectors: [{ name: 'jira', provider: 'JIRA_CLOUD', status: 'CONNECTED' }],
    });
  });

  it('reads "not subscribed" as not enabled', async () => {
    hub.on(ListAutomationRulesV2Command).rejects(notSubscribed());
    hub.on(ListConnectorsV2Command).rejects(notSubscribed());
    expect(await collect(securityHubTicketing, testContext())).toEqual({ enabled: false, automationRules: [], connectors: [] });
  });
});
