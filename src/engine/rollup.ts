// Rolls findings and the partner's attestation into one requirement row: per account for
// account-scope requirements, once for the partner otherwise. Pure: the caller passes `now`.

import { isExpired } from '../attest/expiry.js';
import type { Attestation } from '../attest/types.js';
import { applicabilityOf } from '../catalog/applicability.js';
import type { Requirement } from '../contract/checklists/types.js';
import type { AttestationRef, DeploymentModel, Finding, RequirementResult } from '../contract/results.js';
import type { CheckSettings } from '../contract/settings.js';
import type { RequirementStatus } from '../contract/status.js';

export interface RollupInput {
  requirement: Requirement;
  /** Findings mapped to this requirement (advisory ones included; they are skipped here). */
  findings: readonly Finding[];
  /** The statement that covers this row, if any. */
  attestation?: Attestation;
  deploymentModel: DeploymentModel;
  /**
   * Requirements that apply only in some setups (`onlyWhen`) are judged against these; absent when
   * partner rows of shards are judged again, whose shared config already settled it.
   */
  settings?: CheckSettings;
  now: Date;
}

interface Verdict {
  status: RequirementStatus;
  reason: string;
}

/** The attestation as it counts today: `undefined` when there is none or it expired. */
type Valid = Attestation | undefined;

/** An account-scope requirement in one account. */
export function rollupAccountRequirement(input: RollupInput & { accountId: string }): RequirementResult {
  return withAttestation(input, { requirementId: input.requirement.id, scope: 'account', accountId: input.accountId }, (valid) =>
    judge(input, counted(input.findings), valid),
  );
}

/**
 * A partner-scope requirement, from every account's findings: a FAIL anywhere fails it; otherwise
 * one account whose findings all pass shows it, and only then does the rest of the run not matter.
 */
export function rollupPartnerRequirement(input: RollupInput): RequirementResult {
  return withAttestation(input, { requirementId: input.requirement.id, scope: 'partner' }, (valid) => {
    const all = counted(input.findings);
    const shownIn = all.some((f) => effectiveStatus(f) === 'FAIL') ? undefined : accountShowingIt(all);
    if (!shownIn) return judge(input, all, valid);
    const verdict = judge(input, all.filter((f) => f.accountId === shownIn), valid);
    return { ...verdict, reason: `shown in account ${shownIn}: ${verdict.reason}` };
  });
}

function withAttestation(
  input: RollupInput,
  row: Pick<RequirementResult, 'requirementId' | 'scope' | 'accountId'>,
  decide: (valid: Valid) => Verdict,
): RequirementResult {
  const { attestation, now } = input;
  const expired = attestation !== undefined && isExpired(attestation.expires, now);
  const verdict = notApplicable(input) ?? decide(expired ? undefined : attestation);
  const result: RequirementResult = {
    ...row,
    status: verdict.status,
    checkIds: [...new Set(input.findings.map((f) => f.checkId))].sort(),
    reason: expired ? `${verdict.reason}; attestation expired on ${attestation.expires}, ignored` : verdict.reason,
  };
  if (attestation) result.attestation = toRef(attestation, expired);
  return result;
}

/** Findings that count: not advisory, not NOT_APPLICABLE. */
function counted(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.advisory && f.status !== 'NOT_APPLICABLE');
}

/** A FAIL or WARN under a live exception counts as a pass; the finding itself keeps its status. */
function effectiveStatus(finding: Finding): Finding['status'] {
  return finding.exception && !finding.exception.expired ? 'PASS' : finding.status;
}

function accountShowingIt(findings: readonly Finding[]): string | undefined {
  const failing = new Set(findings.filter((f) => effectiveStatus(f) !== 'PASS').map((f) => f.accountId));
  return [...new Set(findings.map((f) => f.accountId))].sort().find((id) => !failing.has(id));
}

function notApplicable({ requirement, deploymentModel, settings }: RollupInput): Verdict | undefined {
  const applicability = applicabilityOf(requirement, deploymentModel, settings);
  return applicability.applies ? undefined : { status: 'NOT_APPLICABLE', reason: applicability.reason };
}

function judge({ requirement }: RollupInput, findings: readonly Finding[], valid: Valid): Verdict {
  const failing = findings.filter((f) => effectiveStatus(f) === 'FAIL');
  if (failing.length > 0) {
    if (requirement.attestationOverridesFail && valid?.status === 'met') {
      return { status: 'ATTESTED', reason: `automated check fails (${failing[0]!.message}); attested as met by ${by(valid)}` };
    }
    return worst('FAIL', failing, findings.length);
  }
  const errors = findings.filter((f) => effectiveStatus(f) === 'ERROR');
  if (errors.length > 0) return worst('ERROR', errors, findings.length);
  const warnings = findings.filter((f) => effectiveStatus(f) === 'WARN');
  if (warnings.length > 0) return warned(requirement, valid, warnings, findings.length);
  if (findings.length === 0) return nothingAutomated(requirement, valid);
  return allPass(requirement, valid, findings);
}

function worst(status: 'FAIL' | 'ERROR' | 'WARN', hits: readonly Finding[], total: number): Verdict {
  const verb = { FAIL: 'fail', ERROR: 'could not be evaluated', WARN: 'warn' }[status];
  const first = hits[0]!;
  const lapsed = first.exception ? ` (its exception expired on ${first.exception.expires})` : '';
  return { status, reason: `${hits.length} of ${total} findings ${verb}: ${first.message}${lapsed}` };
}

/**
 * A `full` requirement's checks warn where they see what only the partner can settle (a Basic plan
 * where the FTR accepts an action plan instead), so the partner's attestation decides it. A `partial`
 * requirement's warnings stay until what they name is fixed.
 */
function warned(requirement: Requirement, valid: Valid, warnings: readonly Finding[], total: number): Verdict {
  const verdict = worst('WARN', warnings, total);
  if (requirement.automation !== 'full' || !valid) return verdict;
  const outcome = valid.status === 'met' ? 'attested as met' : 'attested as not met';
  return { status: valid.status === 'met' ? 'ATTESTED' : 'FAIL', reason: `${verdict.reason}; ${outcome} by ${by(valid)}` };
}

function nothingAutomated(requirement: Requirement, valid: Valid): Verdict {
  if (valid?.status === 'met') return { status: 'ATTESTED', reason: `attested as met by ${by(valid)}` };
  if (valid?.status === 'not-met') return { status: 'FAIL', reason: `attested as not met by ${by(valid)}` };
  if (requirement.automation === 'full') {
    const how = requirement.attest ? `: ${requirement.attest}` : '';
    return { status: 'MANUAL', reason: `nothing in scope to check; show how it is met${how}` };
  }
  return { status: 'MANUAL', reason: `attest: ${requirement.attest ?? 'how this requirement is met'}` };
}

function allPass(requirement: Requirement, valid: Valid, findings: readonly Finding[]): Verdict {
  const note = exceptedNote(findings);
  if (requirement.automation === 'full') return { status: 'PASS', reason: `${findings.length} of ${findings.length} findings pass${note}` };
  if (valid?.status === 'met') return { status: 'PASS', reason: `automated part passes${note}; the rest attested as met by ${by(valid)}` };
  if (valid?.status === 'not-met') return { status: 'FAIL', reason: `automated part passes${note}, but attested as not met by ${by(valid)}` };
  return { status: 'WARN', reason: `automated part passes${note}; attest: ${requirement.attest ?? 'the part a scanner cannot see'}` };
}

function exceptedNote(findings: readonly Finding[]): string {
  const excepted = findings.filter((f) => f.exception).length;
  return excepted > 0 ? ` (${excepted} by accepted exception)` : '';
}

function by(attestation: Attestation): string {
  return `${attestation.owner} on ${attestation.date}`;
}

function toRef(attestation: Attestation, expired: boolean): AttestationRef {
  const { status, owner, date, expires, evidence, notes, accounts } = attestation;
  return {
    status,
    owner,
    date,
    evidence,
    expired,
    ...(expires && { expires }),
    ...(notes !== undefined && { notes }),
    ...(accounts && { accounts }),
  };
}
