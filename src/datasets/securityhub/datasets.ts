// AWS Security Hub datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface SecurityHubEvidence {
  enabled: boolean;
  hubArn?: string;
  administrator?: { accountId: string; memberStatus: string };
}

export const securityHub = defineDataset<SecurityHubEvidence>({
  id: 'securityhub.hub',
  scope: 'regional',
  actions: ['securityhub:DescribeHub', 'securityhub:GetAdministratorAccount'],
});

/**
 * The Security Hub controls behind the CIS-tagged FTR items (root keys, contacts, MFA, key rotation,
 * password policy, security groups): the ones whose failures the FTR's CIS report speaks for.
 */
export const FTR_CIS_CONTROLS = ['IAM.4', 'Account.1', 'IAM.5', 'IAM.3', 'IAM.15', 'IAM.16', 'EC2.53', 'EC2.54', 'EC2.2'] as const;

/**
 * The CIS AWS Foundations Benchmark in either ARN form: `ruleset/…/v/1.2.0`, `standards/…/v/1.4.0` and later.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/cis-aws-foundations-benchmark.html
 */
export const CIS_STANDARD = /cis-aws-foundations-benchmark\/v\/(\d+\.\d+\.\d+)$/;

export interface EnabledStandard {
  standardsArn: string;
  /** READY, PENDING, INCOMPLETE, FAILED or DELETING. */
  status: string;
}

export interface SecurityHubStandardsEvidence {
  /** False where Security Hub is not enabled. */
  enabled: boolean;
  standards: EnabledStandard[];
  /**
   * Only where a CIS AWS Foundations Benchmark standard is enabled: for each control of
   * FTR_CIS_CONTROLS, the resources with an active FAILED finding (suppressed ones left out).
   */
  failedResourcesByControl?: Record<string, number>;
}

export const securityHubStandards = defineDataset<SecurityHubStandardsEvidence>({
  id: 'securityhub.standards',
  scope: 'regional',
  actions: ['securityhub:GetEnabledStandards', 'securityhub:GetFindings'],
});

export interface SecurityHubTicketingEvidence {
  /** False where Security Hub (v2) answers that the account is not subscribed. */
  enabled: boolean;
  /** Automation rules (v2); `ticketing` when one of their actions is EXTERNAL_INTEGRATION (opens a ticket). */
  automationRules: { name: string; arn?: string; status?: string; ticketing: boolean }[];
  /** Connectors to ticketing systems: JIRA_CLOUD, SERVICENOW. */
  connectors: { name: string; provider?: string; status?: string }[];
}

export const securityHubTicketing = defineDataset<SecurityHubTicketingEvidence>({
  id: 'securityhub.ticketing',
  scope: 'regional',
  actions: ['securityhub:ListAutomationRulesV2', 'securityhub:ListConnectorsV2'],
});
