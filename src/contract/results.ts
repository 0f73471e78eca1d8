// The results file's shapes: what evaluation produces and every reporter reads.

import type { AccountStatus, FindingStatus, RequirementStatus, Severity } from './status.js';

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
  /** A service control policy closes the region to the audit role: every finding there is NOT_APPLICABLE. */
  closedByScp?: true;
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

export type DeploymentModel = 'saas' | 'customer-deployed';

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
