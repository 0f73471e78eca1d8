// The status vocabulary every layer shares: findings, requirements and accounts.

export const FINDING_STATUSES = ['PASS', 'FAIL', 'WARN', 'ERROR', 'NOT_APPLICABLE'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const REQUIREMENT_STATUSES = [...FINDING_STATUSES, 'MANUAL', 'ATTESTED'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const ACCOUNT_STATUSES = ['SCANNED', 'PARTIAL', 'ERROR'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'informational';

/** Region value used for account-wide (global) datasets and findings. */
export const GLOBAL = 'global';
