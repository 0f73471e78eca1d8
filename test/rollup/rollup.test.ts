import { describe, expect, it } from 'vitest';
import type { Attestation } from '../../src/attest/types.js';
import type { AutomationLevel, Requirement } from '../../src/contract/checklists/types.js';
import { groupBy } from '../../src/engine/group.js';
import { PartnerTally, rollupAccountRequirement, type RollupInput } from '../../src/engine/rollup.js';
import type { DeploymentModel, Finding } from '../../src/contract/results.js';
import { checkSettingsSchema, type CheckSettings } from '../../src/contract/settings.js';
import type { FindingStatus, RequirementStatus } from '../../src/contract/status.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function requirement(automation: AutomationLevel, extra: Partial<Requirement> = {}): Requirement {
  return { id: 'REQ-001', title: 'A requirement', section: 'S', appliesTo: ['saas'], automation, scope: 'account', attest: 'the runbook', ...extra };
}

function finding(status: FindingStatus, extra: Partial<Finding> = {}): Finding {
  return {
    checkId: 'some-check',
    requirementIds: ['REQ-001'],
    accountId: '111111111111',
    region: 'eu-west-1',
    resource: `res-${status}`,
    status,
    severity: 'high',
    message: `${status.toLowerCase()} message`,
    messageId: 'm',
    evidence: {},
    requestIds: [],
    ...extra,
  };
}

function attestation(status: Attestation['status'], extra: Partial<Attestation> = {}): Attestation {
  return { status, evidence: ['https://wiki.example.com/runbook'], owner: 'secops', date: '2026-01-10', ...extra };
}

const met = attestation('met');
const notMet = attestation('not-met');
const expiredMet = attestation('met', { expires: '2026-06-14' });

interface Case {
  name: string;
  automation: AutomationLevel;
  findings: Finding[];
  attestation?: Attestation;
  model?: DeploymentModel;
  settings?: Record<string, unknown>;
  extra?: Partial<Requirement>;
  status: RequirementStatus;
  reason: RegExp;
}

const cases: Case[] = [
  // Deployment model
  {
    name: 'not for this model: N/A even when findings FAIL',
    automation: 'full',
    extra: { appliesTo: ['customer-deployed'] },
    findings: [finding('FAIL', { advisory: true })],
    status: 'NOT_APPLICABLE',
    reason: /^applies to Customer Deployed only; this scan is for SaaS$/,
  },
  // Setups the config names (the FTR cross-account items)
  {
    name: 'only when the product calls customer accounts, and it does not: N/A even for a manual requirement',
    automation: 'manual',
    extra: { onlyWhen: 'crossAccountAccess' },
    findings: [],
    status: 'NOT_APPLICABLE',
    reason: /^applies only when the product calls customer accounts, and settings\.ftr\.crossAccountAccess is not true$/,
  },
  {
    name: 'only when the product calls customer accounts, and it does: judged as usual',
    automation: 'partial',
    extra: { onlyWhen: 'crossAccountAccess' },
    settings: { ftr: { crossAccountAccess: true } },
    findings: [finding('FAIL')],
    status: 'FAIL',
    reason: /^1 of 1 findings fail/,
  },
  // Precedence among automated findings
  { name: 'any FAIL wins over ERROR and WARN', automation: 'full', findings: [finding('PASS'), finding('WARN'), finding('ERROR'), finding('FAIL')], status: 'FAIL', reason: /^1 of 4 findings fail: fail message$/ },
  { name: 'ERROR wins over WARN', automation: 'full', findings: [finding('WARN'), finding('ERROR'), finding('PASS')], status: 'ERROR', reason: /^1 of 3 findings could not be evaluated: error message$/ },
  { name: 'WARN wins over PASS', automation: 'full', findings: [finding('PASS'), finding('WARN')], status: 'WARN', reason: /^1 of 2 findings warn/ },
  // A full requirement's checks warn where only the partner can settle it (the FTR's Basic-plan action plan)
  { name: 'full, WARN, met: ATTESTED', automation: 'full', findings: [finding('PASS'), finding('WARN')], attestation: met, status: 'ATTESTED', reason: /^1 of 2 findings warn: warn message; attested as met by secops on 2026-01-10$/ },
  { name: 'full, WARN, not met: FAIL', automation: 'full', findings: [finding('WARN')], attestation: notMet, status: 'FAIL', reason: /^1 of 1 findings warn: warn message; attested as not met by secops/ },
  { name: 'full, WARN, expired: WARN', automation: 'full', findings: [finding('WARN')], attestation: expiredMet, status: 'WARN', reason: /warn message; attestation expired on 2026-06-14, ignored$/ },
  { name: 'partial, WARN, met: still WARN', automation: 'partial', findings: [finding('WARN')], attestation: met, status: 'WARN', reason: /^1 of 1 findings warn: warn message$/ },
  { name: 'a valid met attestation does not hide a FAIL', automation: 'partial', findings: [finding('FAIL')], attestation: met, status: 'FAIL', reason: /fail: fail message/ },
  { name: 'a valid met attestation does not hide an ERROR', automation: 'full', extra: { attestationOverridesFail: true }, findings: [finding('ERROR')], attestation: met, status: 'ERROR', reason: /could not be evaluated/ },
  // Advisory and N/A findings are not counted
  { name: 'advisory FAIL is excluded', automation: 'full', findings: [finding('PASS'), finding('FAIL', { advisory: true })], status: 'PASS', reason: /^1 of 1 findings pass$/ },
  // All automated findings pass
  { name: 'full, all PASS', automation: 'full', findings: [finding('PASS'), finding('PASS'), finding('NOT_APPLICABLE')], status: 'PASS', reason: /^2 of 2 findings pass$/ },
  { name: 'partial, all PASS, no attestation', automation: 'partial', findings: [finding('PASS')], status: 'WARN', reason: /^automated part passes; attest: the runbook$/ },
  { name: 'partial, all PASS, met', automation: 'partial', findings: [finding('PASS')], attestation: met, status: 'PASS', reason: /attested as met by secops on 2026-01-10/ },
  { name: 'partial, all PASS, not met', automation: 'partial', findings: [finding('PASS')], attestation: notMet, status: 'FAIL', reason: /^automated part passes, but attested as not met/ },
  { name: 'partial, all PASS, expired', automation: 'partial', findings: [finding('PASS')], attestation: expiredMet, status: 'WARN', reason: /^automated part passes; attest: the runbook; attestation expired on 2026-06-14, ignored$/ },
  // Nothing automated in scope
  { name: 'manual, nothing', automation: 'manual', findings: [], status: 'MANUAL', reason: /^attest: the runbook$/ },
  { name: 'manual, met', automation: 'manual', findings: [], attestation: met, status: 'ATTESTED', reason: /^attested as met by secops on 2026-01-10$/ },
  { name: 'manual, not met', automation: 'manual', findings: [], attestation: notMet, status: 'FAIL', reason: /^attested as not met by secops/ },
  { name: 'manual, expired', automation: 'manual', findings: [], attestation: expiredMet, status: 'MANUAL', reason: /expired on 2026-06-14, ignored$/ },
  { name: 'partial, only advisory findings', automation: 'partial', findings: [finding('WARN', { advisory: true })], status: 'MANUAL', reason: /^attest: the runbook$/ },
  { name: 'partial, met, no findings', automation: 'partial', findings: [], attestation: met, status: 'ATTESTED', reason: /attested as met/ },
  { name: 'full, no findings', automation: 'full', findings: [], status: 'MANUAL', reason: /^nothing in scope to check; show how it is met: the runbook$/ },
  { name: 'full, only N/A findings', automation: 'full', findings: [finding('NOT_APPLICABLE')], status: 'MANUAL', reason: /^nothing in scope to check/ },
  { name: 'full, nothing in scope, met', automation: 'full', findings: [finding('NOT_APPLICABLE')], attestation: met, status: 'ATTESTED', reason: /attested as met/ },
  // Accepted exceptions
  { name: 'a live exception makes its FAIL count as a pass', automation: 'full', findings: [finding('PASS'), finding('FAIL', { exception: { reason: 'r', owner: 'o', expires: '2027-01-01', expired: false } })], status: 'PASS', reason: /^2 of 2 findings pass \(1 by accepted exception\)$/ },
  { name: 'a live exception on a partial requirement still asks for the attestation', automation: 'partial', findings: [finding('WARN', { exception: { reason: 'r', owner: 'o', expires: '2027-01-01', expired: false } })], status: 'WARN', reason: /^automated part passes \(1 by accepted exception\); attest: the runbook$/ },
  { name: 'an expired exception no longer counts, and the reason says so', automation: 'full', findings: [finding('FAIL', { exception: { reason: 'r', owner: 'o', expires: '2026-01-01', expired: true } })], status: 'FAIL', reason: /^1 of 1 findings fail: fail message \(its exception expired on 2026-01-01\)$/ },
  // Attestation overriding a FAIL (SUP-001: Partner-Led Support is invisible to the API)
  { name: 'override: met turns FAIL into ATTESTED', automation: 'full', extra: { attestationOverridesFail: true }, findings: [finding('FAIL')], attestation: met, status: 'ATTESTED', reason: /^automated check fails \(fail message\); attested as met by secops/ },
  { name: 'override: not-met stays FAIL', automation: 'full', extra: { attestationOverridesFail: true }, findings: [finding('FAIL')], attestation: notMet, status: 'FAIL', reason: /fail: fail message/ },
  { name: 'override: expired stays FAIL', automation: 'full', extra: { attestationOverridesFail: true }, findings: [finding('FAIL')], attestation: expiredMet, status: 'FAIL', reason: /fail message; attestation expired on 2026-06-14, ignored$/ },
];

const manualNothing = cases.find((c) => c.name === 'manual, nothing')!;

function settingsOf(overrides: Record<string, unknown> = {}): CheckSettings {
  return checkSettingsSchema.parse(overrides);
}

function input(c: Case): RollupInput & { accountId: string } {
  return {
    requirement: requirement(c.automation, c.extra),
    accountId: '111111111111',
    findings: c.findings,
    ...(c.attestation && { attestation: c.attestation }),
    deploymentModel: c.model ?? 'saas',
    settings: settingsOf(c.settings),
    now: NOW,
  };
}

describe('rollupAccountRequirement', () => {
  it.each(cases)('$name', (c) => {
    const result = rollupAccountRequirement(input(c));
    expect(result.status).toBe(c.status);
    expect(result.reason).toMatch(c.reason);
  });

  it('names the requirement, the account and every check that produced a finding, advisory included', () => {
    const result = rollupAccountRequirement({
      ...input(manualNothing),
      requirement: requirement('full'),
      findings: [finding('PASS', { checkId: 'b-check' }), finding('PASS', { checkId: 'a-check' }), finding('FAIL', { checkId: 'b-check', advisory: true })],
    });
    expect(result).toMatchObject({ requirementId: 'REQ-001', accountId: '111111111111', checkIds: ['a-check', 'b-check'] });
    expect(result.attestation).toBeUndefined();
  });

  it('copies the attestation into the result and marks whether it expired', () => {
    const withNotes = attestation('met', { expires: '2026-06-14', notes: 'renewed yearly' });
    const result = rollupAccountRequirement({ ...input(manualNothing), attestation: withNotes });
    expect(result.attestation).toEqual({
      status: 'met',
      owner: 'secops',
      date: '2026-01-10',
      expires: '2026-06-14',
      evidence: ['https://wiki.example.com/runbook'],
      notes: 'renewed yearly',
      expired: true,
    });
  });

  it.each([
    ['2026-06-15', NOW, false],
    ['2026-06-15', new Date('2026-06-16T00:00:00Z'), true],
    ['2026-06-15T11:59:59Z', NOW, true],
    ['2026-06-15T12:00:01Z', NOW, false],
  ])('an attestation expiring %s is expired at %s: %s', (expires, now, expired) => {
    const result = rollupAccountRequirement({ ...input(manualNothing), attestation: attestation('met', { expires }), now });
    expect(result.attestation?.expired).toBe(expired);
    expect(result.status).toBe(expired ? 'MANUAL' : 'ATTESTED');
  });
});

describe('PartnerTally', () => {
  // Fed one account's findings at a time, as the judge and the merge of shards feed it.
  const rollupPartner = (input: RollupInput) => {
    const tally = new PartnerTally();
    for (const [accountId, findings] of groupBy(input.findings, (f) => [f.accountId])) tally.addAccount(accountId, findings);
    return tally.rollup(input);
  };
  const partnerInput = (automation: AutomationLevel, findings: Finding[], attestation?: Attestation): RollupInput => ({
    requirement: requirement(automation, { scope: 'partner' }),
    findings,
    ...(attestation && { attestation }),
    deploymentModel: 'saas',
    now: NOW,
  });
  const inAccount = (accountId: string, status: FindingStatus) => finding(status, { accountId, resource: `${accountId}-${status}` });

  it.each<[string, AutomationLevel, Finding[], Attestation | undefined, RequirementStatus, RegExp]>([
    ['one account whose findings all pass shows it, whatever the others say', 'partial', [inAccount('222222222222', 'WARN'), inAccount('333333333333', 'ERROR'), inAccount('111111111111', 'PASS')], undefined, 'WARN', /^shown in account 111111111111: automated part passes; attest: the runbook$/],
    ['shown and attested as met: PASS', 'partial', [inAccount('111111111111', 'PASS'), inAccount('222222222222', 'WARN')], met, 'PASS', /^shown in account 111111111111: automated part passes; the rest attested as met/],
    ['a FAIL anywhere fails it, even where another account passes', 'partial', [inAccount('111111111111', 'PASS'), inAccount('222222222222', 'FAIL')], undefined, 'FAIL', /^1 of 2 findings fail/],
    ['no account shows it: the worst status', 'partial', [inAccount('111111111111', 'WARN'), inAccount('222222222222', 'ERROR')], undefined, 'ERROR', /^1 of 2 findings could not be evaluated/],
    ['an account with a pass and a warning does not show it', 'full', [inAccount('111111111111', 'PASS'), inAccount('111111111111', 'WARN')], undefined, 'WARN', /^1 of 2 findings warn/],
    ['no findings: the attestation decides', 'manual', [], met, 'ATTESTED', /^attested as met by secops/],
    ['no findings, no attestation: MANUAL', 'manual', [], undefined, 'MANUAL', /^attest: the runbook$/],
  ])('%s', (_name, automation, findings, att, status, reason) => {
    const result = rollupPartner(partnerInput(automation, findings, att));
    expect(result).toMatchObject({ requirementId: 'REQ-001', scope: 'partner', status });
    expect(result.accountId).toBeUndefined();
    expect(result.reason).toMatch(reason);
  });
});
