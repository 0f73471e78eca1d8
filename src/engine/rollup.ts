// Rolls one account's findings for one requirement, plus the partner's attestation, into the
// requirement's status and the reason for it. Pure: the caller passes `now`.

import { isExpired } from '../attest/expiry.js';
import type { Attestation } from '../attest/types.js';
import { applicabilityOf } from '../catalog/applicability.js';
import type { Requirement } from '../contract/checklists/types.js';
import type { AttestationRef, DeploymentModel, Finding, RequirementResult } from '../contract/results.js';
import type { CheckSettings } from '../contract/settings.js';
import type { RequirementStatus } from '../contract/status.js';

export interface RollupInput {
  requirement: Requirement;
  accountId: string;
  /** The account's findings mapped to this requirement (advisory ones included; they are skipped here). */
  findings: readonly Finding[];
  attestation?: Attestation;
  deploymentModel: DeploymentModel;
  /** Requirements that apply only in some setups (`onlyWhen`) are judged against these. */
  settings: CheckSettings;
  now: Date;
}

interface Verdict {
  status: RequirementStatus;
  reason: string;
}

/** The attestation as it counts today: `undefined` when there is none or it expired. */
type Valid = Attestation | undefined;

export function rollupRequirement(input: RollupInput): RequirementResult {
  const { requirement, attestation, now } = input;
  const expired = attestation !== undefined && isExpired(attestation, now);
  const verdict = judge(input, expired ? undefined : attestation);
  const result: RequirementResult = {
    requirementId: requirement.id,
    accountId: input.accountId,
    status: verdict.status,
    checkIds: [...new Set(input.findings.map((f) => f.checkId))].sort(),
    reason: expired ? `${verdict.reason}; attestation expired on ${attestation.expires}, ignored` : verdict.reason,
  };
  if (attestation) result.attestation = toRef(attestation, expired);
  return result;
}

function judge({ requirement, findings, deploymentModel, settings }: RollupInput, valid: Valid): Verdict {
  const applicability = applicabilityOf(requirement, deploymentModel, settings);
  if (!applicability.applies) return { status: 'NOT_APPLICABLE', reason: applicability.reason };
  const counted = findings.filter((f) => !f.advisory && f.status !== 'NOT_APPLICABLE');
  const failing = counted.filter((f) => f.status === 'FAIL');
  if (failing.length > 0) {
    if (requirement.attestationOverridesFail && valid?.status === 'met') {
      return { status: 'ATTESTED', reason: `automated check fails (${failing[0]!.message}); attested as met by ${by(valid)}` };
    }
    return worst('FAIL', failing, counted.length);
  }
  for (const status of ['ERROR', 'WARN'] as const) {
    const hits = counted.filter((f) => f.status === status);
    if (hits.length > 0) return worst(status, hits, counted.length);
  }
  if (counted.length === 0) return nothingAutomated(requirement, valid);
  return allPass(requirement, valid, counted.length);
}

function worst(status: 'FAIL' | 'ERROR' | 'WARN', hits: readonly Finding[], total: number): Verdict {
  const verb = { FAIL: 'fail', ERROR: 'could not be evaluated', WARN: 'warn' }[status];
  return { status, reason: `${hits.length} of ${total} findings ${verb}: ${hits[0]!.message}` };
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

function allPass(requirement: Requirement, valid: Valid, total: number): Verdict {
  if (requirement.automation === 'full') return { status: 'PASS', reason: `${total} of ${total} findings pass` };
  if (valid?.status === 'met') {
    return { status: 'PASS', reason: `automated part passes; the rest attested as met by ${by(valid)}` };
  }
  if (valid?.status === 'not-met') {
    return { status: 'FAIL', reason: `automated part passes, but attested as not met by ${by(valid)}` };
  }
  return { status: 'WARN', reason: `automated part passes; attest: ${requirement.attest ?? 'the part a scanner cannot see'}` };
}

function by(attestation: Attestation): string {
  return `${attestation.owner} on ${attestation.date}`;
}

function toRef(attestation: Attestation, expired: boolean): AttestationRef {
  const { status, owner, date, expires, evidence, notes } = attestation;
  return { status, owner, date, evidence, expired, ...(expires && { expires }), ...(notes !== undefined && { notes }) };
}
