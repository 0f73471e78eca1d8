import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../src/contract/checklists/types.js';
import type { Finding, RequirementResult } from '../../src/contract/results.js';
import { evidenceStatement } from '../../src/report/evidence-statement.js';
import type { CheckSummary } from '../../src/report/types.js';

const requirement: Requirement = { id: 'SECOPS-007', title: 'Threat detection', section: 'SECOPS', appliesTo: ['saas'], automation: 'full', scope: 'account' };
const check = { id: 'guardduty-enabled', title: 'GuardDuty is enabled in every region' } as CheckSummary;
const checks = new Map([[check.id, check]]);

function finding(accountId: string, region: string, status: Finding['status'], extra: Partial<Finding> = {}): Finding {
  return {
    checkId: check.id,
    requirementIds: [requirement.id],
    accountId,
    region,
    resource: `detector-${region}`,
    status,
    severity: 'high',
    message: `GuardDuty in ${region} is ${status}.`,
    messageId: 'm',
    evidence: {},
    requestIds: [],
    ...extra,
  };
}

const result = (accountId: string, status: RequirementResult['status'], extra: Partial<RequirementResult> = {}): RequirementResult => ({
  requirementId: requirement.id,
  scope: 'account',
  accountId,
  status,
  checkIds: [check.id],
  ...extra,
});

describe('evidenceStatement', () => {
  it('counts passes over evaluations, regions and accounts', () => {
    const regions = ['us-east-1', 'eu-west-1'];
    const findings = ['111111111111', '222222222222'].flatMap((a) => regions.map((r) => finding(a, r, 'PASS')));
    expect(evidenceStatement({ requirement, findings, results: [result('111111111111', 'PASS'), result('222222222222', 'PASS')], checks })).toBe(
      'GuardDuty is enabled in every region: passed 4 of 4 evaluations (2 regions, 2 accounts).',
    );
  });

  it('names failures and errors with their place, and ignores advisory findings', () => {
    const findings = [
      finding('111111111111', 'us-east-1', 'PASS'),
      finding('111111111111', 'eu-west-1', 'FAIL'),
      finding('111111111111', 'eu-west-2', 'ERROR', { message: 'AccessDenied on guardduty:ListDetectors.' }),
      finding('111111111111', 'eu-west-3', 'FAIL', { advisory: true }),
    ];
    expect(evidenceStatement({ requirement, findings, results: [result('111111111111', 'FAIL')], checks })).toBe(
      'GuardDuty is enabled in every region: passed 1 of 3 evaluations (3 regions, 1 account); ' +
        'failed: GuardDuty in eu-west-1 is FAIL (111111111111/eu-west-1); ' +
        'could not be evaluated: AccessDenied on guardduty:ListDetectors (111111111111/eu-west-2).',
    );
  });

  it('summarizes attestations, pending manual work and reasons', () => {
    const manual = { ...requirement, automation: 'manual' as const, attest: 'a runbook' };
    const attestation = { status: 'met' as const, owner: 'sec@example.com', date: '2026-10-01', evidence: ['runbook.pdf'], expired: false };
    const results = [
      result('111111111111', 'ATTESTED', { attestation }),
      result('222222222222', 'MANUAL'),
      result('333333333333', 'ERROR', { reason: 'the scan did not reach this account' }),
    ];
    expect(evidenceStatement({ requirement: manual, findings: [], results, checks })).toBe(
      'Attested met by sec@example.com on 2026-10-01 (evidence: runbook.pdf) for 1/3 accounts. ' +
        'Awaiting attestation for 1/3 accounts: a runbook. ' +
        'Could not be evaluated for 1/3 accounts: the scan did not reach this account.',
    );
  });

  it('speaks of the partner for a partner-level row', () => {
    const manual = { ...requirement, automation: 'manual' as const, attest: 'a runbook', scope: 'partner' as const };
    const row: RequirementResult = { requirementId: requirement.id, scope: 'partner', status: 'MANUAL', checkIds: [] };
    expect(evidenceStatement({ requirement: manual, findings: [], results: [row], checks })).toBe('Awaiting attestation for the partner: a runbook.');
  });

  it('says so when nothing was recorded', () => {
    expect(evidenceStatement({ requirement, findings: [], results: [], checks })).toBe('No result recorded for this requirement.');
  });
});
