// The results file's shapes: what evaluation produces and every reporter reads.

import type { RequirementScope } from './checklists/types.js';
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
  /** The partner's accepted exception covering this FAIL or WARN; the status stays as found. */
  exception?: ExceptionRef;
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
  /** Organizations account tags, when the scan read them (tag filters or tag-scoped statements). */
  tags?: Record<string, string>;
  status: AccountStatus;
  error?: string;
  regions: string[];
  skippedRegions: SkippedRegion[];
}

/** One per account for account-scope requirements; one for the partner (no accountId) otherwise. */
export interface RequirementResult {
  requirementId: string;
  scope: RequirementScope;
  accountId?: string;
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
  /** Account IDs and `Key=Value` account tags the statement is limited to; absent: every account. */
  accounts?: string[];
}

/** A finding's accepted exception, as recorded on the finding. */
export interface ExceptionRef {
  reason: string;
  owner: string;
  expires: string;
  expired: boolean;
}

/** An exception from the attestations file and how many findings it covered in this run. */
export interface ExceptionSummary extends ExceptionRef {
  checkId: string;
  resource: string;
  accounts?: string[];
  /** FAIL and WARN findings it covers. */
  covered: number;
  /** ERROR findings it matches but never covers: evidence that could not be read is not accepted. */
  errorsNotCovered: number;
}

export type DeploymentModel = 'saas' | 'customer-deployed';

/** Config `production:`: where the checklist's controls are judged; findings elsewhere are advisory. */
export interface ProductionScope {
  accounts: string[];
  /** An account carrying every one of these Organizations tags is production. */
  accountTags: Record<string, string>;
  /** Empty: every scanned region. */
  regions: string[];
}

/** What `scan --checks` / `--requirements` narrowed the run to; absent for a full scan. */
export interface ResultsSelection {
  checks?: string[];
  requirements?: string[];
}

export const RESULTS_SCHEMA_VERSION = 2;

export interface Results {
  /** 2 added partner-level requirement rows, scoped attestations and exceptions. */
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  tool: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  checklist: { id: string; version: string };
  deploymentModel: DeploymentModel;
  /** Set when the scan was narrowed: only these checks ran and only these requirements have rows. */
  selection?: ResultsSelection;
  /** The production scope the run was judged with, when the config set one. */
  production?: ProductionScope;
  callerIdentity?: { accountId: string; arn: string };
  accounts: AccountResult[];
  findings: Finding[];
  requirements: RequirementResult[];
  exceptions: ExceptionSummary[];
}

/** The results without their findings: what stays in memory while findings stream from disk. */
export type ResultsHead = Omit<Results, 'findings'>;

/** A run's findings, read in results order as often as needed, never all held at once. */
export interface FindingSource {
  readonly count: number;
  each(): AsyncIterable<Finding>;
}
