// The status vocabulary every layer shares: findings, requirements and accounts.

export const FINDING_STATUSES = ['PASS', 'FAIL', 'WARN', 'ERROR', 'NOT_APPLICABLE'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const REQUIREMENT_STATUSES = [...FINDING_STATUSES, 'MANUAL', 'ATTESTED'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const ACCOUNT_STATUSES = ['SCANNED', 'PARTIAL', 'ERROR'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower is more severe: the index in SEVERITIES. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Region value used for account-wide (global) datasets and findings. */
export const GLOBAL = 'global';
