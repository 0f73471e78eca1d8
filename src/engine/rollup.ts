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
  /** Requirements that apply only in a configured setup (onlyWhen) read it here. */
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
  const tally = tallyOf(input.findings);
  return withAttestation(input, tally, { requirementId: input.requirement.id, scope: 'account', accountId: input.accountId }, (valid) =>
    judge(input, tally, valid),
  );
}

/**
 * A partner-scope requirement, from every account's findings: a FAIL anywhere fails it; otherwise
 * one account whose findings all pass shows it, and only then does the rest of the run not matter.
 * What a partner row needs from the findings is gathered one account at a time so a streamed
 * evaluation keeps counters, not findings: every counted finding's tally, and the tally of the
 * account that shows the requirement (the lowest account ID whose counted findings all pass).
 */
export class PartnerTally {
  private readonly all = emptyTally();
  private shownIn: { accountId: string; tally: FindingTally } | undefined;

  /** One account's findings for this requirement; each account is added once. */
  addAccount(accountId: string, findings: readonly Finding[]): void {
    const tally = tallyOf(findings);
    mergeTally(this.all, tally);
    const allPass = tally.total > 0 && PROBLEMS.every((status) => tally.hits[status].count === 0);
    if (allPass && (!this.shownIn || accountId < this.shownIn.accountId)) this.shownIn = { accountId, tally };
  }

  rollup(input: Omit<RollupInput, 'findings'>): RequirementResult {
    return withAttestation(input, this.all, { requirementId: input.requirement.id, scope: 'partner' }, (valid) => {
      const shownIn = this.all.hits.FAIL.count > 0 ? undefined : this.shownIn;
      if (!shownIn) return judge(input, this.all, valid);
      const verdict = judge(input, shownIn.tally, valid);
      return { ...verdict, reason: `shown in account ${shownIn.accountId}: ${verdict.reason}` };
    });
  }
}

const PROBLEMS = ['FAIL', 'ERROR', 'WARN'] as const;
type Problem = (typeof PROBLEMS)[number];

/** Counted findings (not advisory, not NOT_APPLICABLE) by effective status: how many, and the first. */
interface FindingTally {
  total: number;
  /** Counted findings carrying an exception. */
  excepted: number;
  hits: Record<Problem, { count: number; first?: Finding }>;
  /** Every finding's check, advisory and NOT_APPLICABLE ones included. */
  checkIds: Set<string>;
}

function emptyTally(): FindingTally {
  return { total: 0, excepted: 0, hits: { FAIL: { count: 0 }, ERROR: { count: 0 }, WARN: { count: 0 } }, checkIds: new Set() };
}

function tallyOf(findings: readonly Finding[]): FindingTally {
  const tally = emptyTally();
  for (const finding of findings) {
    tally.checkIds.add(finding.checkId);
    if (finding.advisory || finding.status === 'NOT_APPLICABLE') continue;
    tally.total += 1;
    if (finding.exception) tally.excepted += 1;
    const status = effectiveStatus(finding);
    if (status === 'PASS' || status === 'NOT_APPLICABLE') continue;
    const hit = tally.hits[status];
    hit.count += 1;
    hit.first ??= finding;
  }
  return tally;
}

function mergeTally(into: FindingTally, from: FindingTally): void {
  into.total += from.total;
  into.excepted += from.excepted;
  for (const status of PROBLEMS) {
    into.hits[status].count += from.hits[status].count;
    into.hits[status].first ??= from.hits[status].first;
  }
  for (const checkId of from.checkIds) into.checkIds.add(checkId);
}

function withAttestation(
  input: Omit<RollupInput, 'findings'>,
  tally: FindingTally,
  row: Pick<RequirementResult, 'requirementId' | 'scope' | 'accountId'>,
  decide: (valid: Valid) => Verdict,
): RequirementResult {
  const { attestation, now } = input;
  const expired = attestation !== undefined && isExpired(attestation.expires, now);
  const verdict = notApplicable(input) ?? decide(expired ? undefined : attestation);
  const result: RequirementResult = {
    ...row,
    status: verdict.status,
    checkIds: [...tally.checkIds].sort(),
    reason: expired ? `${verdict.reason}; attestation expired on ${attestation.expires}, ignored` : verdict.reason,
  };
  if (attestation) result.attestation = toRef(attestation, expired);
  return result;
}

/** A FAIL or WARN under a live exception counts as a pass; the finding itself keeps its status. */
function effectiveStatus(finding: Finding): Finding['status'] {
  return finding.exception && !finding.exception.expired ? 'PASS' : finding.status;
}

function notApplicable({ requirement, deploymentModel, settings }: Pick<RollupInput, 'requirement' | 'deploymentModel' | 'settings'>): Verdict | undefined {
  const applicability = applicabilityOf(requirement, deploymentModel, settings);
  return applicability.applies ? undefined : { status: 'NOT_APPLICABLE', reason: applicability.reason };
}

function judge({ requirement }: Pick<RollupInput, 'requirement'>, tally: FindingTally, valid: Valid): Verdict {
  const { FAIL, ERROR, WARN } = tally.hits;
  if (FAIL.count > 0) {
    if (requirement.attestationOverridesFail && valid?.status === 'met') {
      return { status: 'ATTESTED', reason: `automated check fails (${FAIL.first!.message}); attested as met by ${by(valid)}` };
    }
    return worst('FAIL', FAIL, tally.total);
  }
  if (ERROR.count > 0) return worst('ERROR', ERROR, tally.total);
  if (WARN.count > 0) return warned(requirement, valid, WARN, tally.total);
  if (tally.total === 0) return nothingAutomated(requirement, valid);
  return allPass(requirement, valid, tally);
}

function worst(status: Problem, hits: { count: number; first?: Finding }, total: number): Verdict {
  const verb = { FAIL: 'fail', ERROR: 'could not be evaluated', WARN: 'warn' }[status];
  const first = hits.first!;
  const lapsed = first.exception ? ` (its exception expired on ${first.exception.expires})` : '';
  return { status, reason: `${hits.count} of ${total} findings ${verb}: ${first.message}${lapsed}` };
}

/**
 * A `full` requirement's checks warn where they see what only the partner can settle (a Basic plan
 * where the FTR accepts an action plan instead), so the partner's attestation decides it. A `partial`
 * requirement's warnings stay until what they name is fixed.
 */
function warned(requirement: Requirement, valid: Valid, warnings: { count: number; first?: Finding }, total: number): Verdict {
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

function allPass(requirement: Requirement, valid: Valid, tally: FindingTally): Verdict {
  const note = tally.excepted > 0 ? ` (${tally.excepted} by accepted exception)` : '';
  if (requirement.automation === 'full') return { status: 'PASS', reason: `${tally.total} of ${tally.total} findings pass${note}` };
  if (valid?.status === 'met') return { status: 'PASS', reason: `automated part passes${note}; the rest attested as met by ${by(valid)}` };
  if (valid?.status === 'not-met') return { status: 'FAIL', reason: `automated part passes${note}, but attested as not met by ${by(valid)}` };
  return { status: 'WARN', reason: `automated part passes${note}; attest: ${requirement.attest ?? 'the part a scanner cannot see'}` };
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
