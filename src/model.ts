// Core result vocabulary shared by engine, reporters and CLI. Reporters depend on this file only.

export const FINDING_STATUSES = ['PASS', 'FAIL', 'WARN', 'ERROR', 'NOT_APPLICABLE'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const REQUIREMENT_STATUSES = [...FINDING_STATUSES, 'MANUAL', 'ATTESTED'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export type AccountStatus = 'SCANNED' | 'PARTIAL' | 'ERROR';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'informational';

/** Region value used for account-wide (global) datasets and findings. */
export const GLOBAL = 'global';

export interface Finding {
  checkId: string;
  requirementIds: string[];
  accountId: string;
  region: string;
  resource: string;
  status: FindingStatus;
  severity: Severity;
  message: string;
  /** Stable message key, so tests and integrations need not match English text. */
  messageId: string;
  /** True when the requirement does not apply to the deployment model: shown, but not rolled up. */
  advisory?: boolean;
  evidence: Record<string, unknown>;
  /** Request IDs of the API calls whose responses this finding was judged on. */
  requestIds: string[];
}

export interface SkippedRegion {
  region: string;
  reason: string;
}

export interface AccountResult {
  accountId: string;
  name?: string;
  status: AccountStatus;
  error?: string;
  regions: string[];
  skippedRegions: SkippedRegion[];
}

export interface RequirementResult {
  requirementId: string;
  accountId: string;
  status: RequirementStatus;
  checkIds: string[];
  /** Why the status is what it is, in plain words (e.g. what remains to attest). */
  reason?: string;
  attestation?: AttestationRef;
}

export interface AttestationRef {
  status: 'met' | 'not-met';
  owner: string;
  date: string;
  expires?: string;
  evidence: string[];
  notes?: string;
  expired: boolean;
}

export interface Results {
  schemaVersion: 1;
  tool: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  checklist: { id: string; version: string };
  deploymentModel: DeploymentModel;
  callerIdentity?: { accountId: string; arn: string };
  accounts: AccountResult[];
  findings: Finding[];
  requirements: RequirementResult[];
}

export type DeploymentModel = 'saas' | 'customer-deployed';
