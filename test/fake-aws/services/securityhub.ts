// Security Hub (restJson 1): the hub and its administrator, enabled standards, control findings
// (GetFindings honours the control-ID filter and returns FAILED findings only), and the v2
// automation rules and ticketing connectors. A region where it is not enabled answers
// InvalidAccessException, as AWS does.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface SecurityHubSpec {
  enabled: boolean;
  administrator?: { accountId: string; memberStatus?: string };
  /** Enabled standards, by the end of their ARN: `cis-aws-foundations-benchmark/v/3.0.0`, `aws-foundational-security-best-practices/v/1.0.0`. */
  standards?: string[];
  /** Control ID → resources with an active FAILED finding. */
  failedControls?: Record<string, number>;
  automationRulesV2?: { name: string; ticketing?: boolean }[];
  connectorsV2?: { name: string; provider: 'JIRA_CLOUD' | 'SERVICENOW'; status?: 'CONNECTED' | 'FAILED_TO_CONNECT' }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    securityHub?: SecurityHubSpec;
  }
}

function enabledHub(ctx: HandlerContext): SecurityHubSpec {
  const hub = ctx.regionSpec.securityHub;
  if (!hub?.enabled) {
    throw new FakeAwsError('InvalidAccessException', 401, `Account ${ctx.account.id} is not subscribed to AWS Security Hub`);
  }
  return hub;
}

function describeHub(ctx: HandlerContext): unknown {
  enabledHub(ctx);
  return {
    HubArn: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:hub/default`,
    SubscribedAt: '2024-06-01T00:00:00.000Z',
    AutoEnableControls: true,
    ControlFindingGenerator: 'SECURITY_CONTROL',
  };
}

function getAdministratorAccount(ctx: HandlerContext): unknown {
  const admin = enabledHub(ctx).administrator;
  if (!admin) return {};
  return {
    Administrator: {
      AccountId: admin.accountId,
      InvitationId: `invitation-${admin.accountId}`,
      InvitedAt: '2024-06-01T00:00:00.000Z',
      MemberStatus: admin.memberStatus ?? 'Enabled',
    },
  };
}

const AT = '2025-11-01T00:00:00.000Z';

function getEnabledStandards(ctx: HandlerContext): unknown {
  const hub = enabledHub(ctx);
  return {
    StandardsSubscriptions: (hub.standards ?? []).map((standard) => ({
      StandardsSubscriptionArn: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:subscription/${standard}`,
      StandardsArn: `arn:aws:securityhub:${ctx.region}::standards/${standard}`,
      StandardsInput: {},
      StandardsStatus: 'READY',
    })),
  };
}

function getFindings(ctx: HandlerContext): unknown {
  const hub = enabledHub(ctx);
  const filters = (ctx.input.json.Filters ?? {}) as { ComplianceSecurityControlId?: { Value?: string }[] };
  const wanted = new Set((filters.ComplianceSecurityControlId ?? []).map((f) => f.Value));
  const findings = Object.entries(hub.failedControls ?? {})
    .filter(([control]) => wanted.size === 0 || wanted.has(control))
    .flatMap(([control, count]) =>
      Array.from({ length: count }, (_, i) => ({
        SchemaVersion: '2018-10-08',
        Id: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:security-control/${control}/finding/${i}`,
        ProductArn: `arn:aws:securityhub:${ctx.region}::product/aws/securityhub`,
        GeneratorId: `security-control/${control}`,
        AwsAccountId: ctx.account.id,
        CreatedAt: AT,
        UpdatedAt: AT,
        Title: control,
        Description: control,
        Resources: [{ Type: 'AwsAccount', Id: `AWS::::Account:${ctx.account.id}/${i}` }],
        Compliance: { Status: 'FAILED', SecurityControlId: control },
        RecordState: 'ACTIVE',
      })),
    );
  const page = paginate(findings, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 100, 'InvalidInputException');
  return { Findings: page.items, NextToken: page.nextToken };
}

function listAutomationRulesV2(ctx: HandlerContext): unknown {
  return {
    Rules: (enabledHub(ctx).automationRulesV2 ?? []).map((rule, i) => ({
      RuleArn: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:automation-rulev2/${stableId(rule.name, 36)}`,
      RuleId: stableId(rule.name, 36),
      RuleOrder: i + 1,
      RuleName: rule.name,
      RuleStatus: 'ENABLED',
      Actions: [{ Type: rule.ticketing ? 'EXTERNAL_INTEGRATION' : 'FINDING_FIELDS_UPDATE' }],
      CreatedAt: AT,
      UpdatedAt: AT,
    })),
  };
}

function listConnectorsV2(ctx: HandlerContext): unknown {
  return {
    Connectors: (enabledHub(ctx).connectorsV2 ?? []).map((c) => ({
      ConnectorId: stableId(c.name, 36),
      Name: c.name,
      ProviderSummary: { ProviderName: c.provider, ConnectorStatus: c.status ?? 'CONNECTED' },
      CreatedAt: AT,
    })),
  };
}

export const securityHub = defineService({
  signingName: 'securityhub',
  actionPrefix: 'securityhub',
  protocol: restJson,
  operations: {
    DescribeHub: { http: 'GET /accounts', handler: describeHub },
    GetAdministratorAccount: { http: 'GET /administrator', handler: getAdministratorAccount },
    GetEnabledStandards: { http: 'POST /standards/get', handler: getEnabledStandards },
    GetFindings: { http: 'POST /findings', handler: getFindings },
    ListAutomationRulesV2: { http: 'GET /automationrulesv2/list', handler: listAutomationRulesV2 },
    ListConnectorsV2: { http: 'GET /connectorsv2', handler: listConnectorsV2 },
  },
});
