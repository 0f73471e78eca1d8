// Typed builders for results and manifests used by the ops tests.

import type { AccountResult, Finding, RequirementResult, Results } from '../../src/contract/results.js';
import type { RequirementStatus } from '../../src/contract/status.js';
import type { Manifest, ManifestAccount } from '../../src/snapshot/manifest.js';

export function account(accountId: string, overrides: Partial<AccountResult> = {}): AccountResult {
  return { accountId, status: 'SCANNED', regions: ['us-east-1'], skippedRegions: [], ...overrides };
}

export function requirement(
  accountId: string,
  requirementId: string,
  status: RequirementStatus,
  overrides: Partial<RequirementResult> = {},
): RequirementResult {
  return { requirementId, scope: 'account', accountId, status, checkIds: ['some-check'], ...overrides };
}

export function partnerRequirement(requirementId: string, status: RequirementStatus, overrides: Partial<RequirementResult> = {}): RequirementResult {
  return { requirementId, scope: 'partner', status, checkIds: [], ...overrides };
}

export function finding(overrides: Partial<Finding> & Pick<Finding, 'accountId' | 'resource' | 'status'>): Finding {
  return {
    checkId: 'ec2-imdsv2-required',
    requirementIds: ['AWSAPI-004'],
    region: 'us-east-1',
    severity: 'high',
    message: 'm',
    messageId: 'm',
    evidence: {},
    requestIds: [],
    ...overrides,
  };
}

export function results(overrides: Partial<Results> = {}): Results {
  return {
    schemaVersion: 2,
    tool: { name: 'partner-audit', version: '0.1.0' },
    startedAt: '2026-11-01T00:00:00.000Z',
    finishedAt: '2026-11-01T00:10:00.000Z',
    checklist: { id: 'smb-competency', version: '2025-08' },
    deploymentModel: 'saas',
    accounts: [],
    findings: [],
    requirements: [],
    exceptions: [],
    ...overrides,
  };
}

export function manifestAccount(accountId: string): ManifestAccount {
  return { accountId, status: 'SCANNED', regions: ['us-east-1'], skippedRegions: [], calls: {} };
}

export function manifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    schemaVersion: 1,
    tool: { name: 'partner-audit', version: '0.1.0' },
    runId: 'run-1',
    checklist: { id: 'smb-competency', version: '2025-08' },
    configHash: 'abc',
    startedAt: '2026-11-01T00:00:00.000Z',
    finishedAt: '2026-11-01T00:10:00.000Z',
    complete: true,
    accounts: [],
    totals: { requests: 0, retries: 0, throttles: 0, errors: 0 },
    ...overrides,
  };
}
