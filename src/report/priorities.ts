// "Fix first": every requirement with a FAIL or ERROR row, most urgent first. One ranking shared by
// report.html, summary.md and the console, so they name the same requirements in the same order.

import type { Checklist, Requirement } from '../contract/checklists/types.js';
import type { Finding, FindingSource, RequirementResult, ResultsHead } from '../contract/results.js';
import { severityRank, type Severity } from '../contract/status.js';
import { groupBy, rowSubject } from './findings.js';
import type { ReportInput } from './types.js';

export interface Problem {
  requirement: Requirement;
  status: 'FAIL' | 'ERROR';
  /** The worst severity among the findings behind it; informational when only an attestation or the engine says so. */
  severity: Severity;
  /** Account IDs, or `partner` for a partner-level requirement. */
  subjects: string[];
  /** The first failing row's reason. */
  reason: string;
}

type RankingInput = Pick<ReportInput, 'results' | 'checklist' | 'findings'>;

/**
 * report.html, summary.md and the console rank the same results: the first ranking of a finding
 * source is kept with it, since each one costs a read of every finding from results.json.
 */
const rankings = new WeakMap<FindingSource, { results: ResultsHead; checklist: Checklist; problems: Promise<Problem[]> }>();

export async function problemsToFixFirst(input: RankingInput): Promise<Problem[]> {
  const known = rankings.get(input.findings);
  if (known && known.results === input.results && known.checklist === input.checklist) return [...(await known.problems)];
  const problems = rankProblems(input);
  rankings.set(input.findings, { results: input.results, checklist: input.checklist, problems });
  problems.catch(() => rankings.delete(input.findings));
  return [...(await problems)];
}

/** One pass over the findings: the worst severity (and first message) behind each failing or erroring requirement. */
async function rankProblems({ results, checklist, findings }: RankingInput): Promise<Problem[]> {
  const rows = groupBy(results.requirements, (r) => [r.requirementId]);
  const open = new Map<string, OpenProblem>();
  for (const requirement of checklist.requirements) {
    const own = rows.get(requirement.id) ?? [];
    const status = own.some((r) => r.status === 'FAIL') ? 'FAIL' : own.some((r) => r.status === 'ERROR') ? 'ERROR' : undefined;
    if (!status) continue;
    const hit = own.filter((r) => r.status === status);
    open.set(requirement.id, { requirement, status, hit, subjects: new Set(hit.map((r) => r.accountId)), severity: 'informational' });
  }
  for await (const finding of findings.each()) {
    if (!decisiveProblem(finding)) continue;
    for (const id of finding.requirementIds) {
      const problem = open.get(id);
      if (problem && (problem.subjects.has(undefined) || problem.subjects.has(finding.accountId))) behind(problem, finding);
    }
  }
  const problems: Problem[] = [...open.values()].map(({ requirement, status, hit, severity, message }) => ({
    requirement,
    status,
    severity,
    subjects: hit.map(rowSubject),
    reason: hit[0]!.reason ?? message ?? status,
  }));
  const order = new Map(checklist.requirements.map((r, i) => [r.id, i]));
  return problems.sort(
    (a, b) =>
      Number(a.status === 'ERROR') - Number(b.status === 'ERROR') ||
      severityRank(a.severity) - severityRank(b.severity) ||
      b.subjects.length - a.subjects.length ||
      order.get(a.requirement.id)! - order.get(b.requirement.id)!,
  );
}

interface OpenProblem {
  requirement: Requirement;
  status: Problem['status'];
  hit: RequirementResult[];
  /** The rows' account IDs; `undefined` for a partner row, which every account's findings are behind. */
  subjects: Set<string | undefined>;
  severity: Severity;
  /** The first finding behind it with the row's status. */
  message?: string;
}

function behind(problem: OpenProblem, finding: Finding): void {
  if (severityRank(finding.severity) < severityRank(problem.severity)) problem.severity = finding.severity;
  if (finding.status === problem.status) problem.message ??= finding.message;
}

function decisiveProblem(finding: Finding): boolean {
  return !finding.advisory && (finding.status === 'FAIL' || finding.status === 'ERROR') && !(finding.exception && !finding.exception.expired);
}

/** How the three counts in every report are defined; the reports' legends say the same. */
export function countingNote(results: ResultsHead, findingCount: number): string {
  const partnerRows = results.requirements.filter((r) => r.scope === 'partner').length;
  const accountRows = results.requirements.length - partnerRows;
  return (
    `Requirement rows (${results.requirements.length}): one per account for each account-level requirement (${accountRows}) ` +
    `and one for each partner-level requirement (${partnerRows}). ` +
    `Findings (${findingCount}): one per check, account, region and resource. ` +
    'JUnit test cases: one per requirement row.'
  );
}

export interface Verdict {
  /** Requirements that apply to the deployment model. */
  applicable: number;
  failing: number;
  erroring: number;
  warning: number;
  toAttest: number;
}

/** Per requirement, its worst row: how many fail, could not be checked, warn, or await attestation. */
export function verdictOf({ results, checklist }: Pick<ReportInput, 'results' | 'checklist'>): Verdict {
  const rows = groupBy(results.requirements, (r) => [r.requirementId]);
  const verdict: Verdict = { applicable: 0, failing: 0, erroring: 0, warning: 0, toAttest: 0 };
  for (const requirement of checklist.requirements) {
    if (!requirement.appliesTo.includes(results.deploymentModel)) continue;
    verdict.applicable += 1;
    const statuses = new Set((rows.get(requirement.id) ?? []).map((r) => r.status));
    if (statuses.has('FAIL')) verdict.failing += 1;
    else if (statuses.has('ERROR')) verdict.erroring += 1;
    else if (statuses.has('WARN')) verdict.warning += 1;
    else if (statuses.has('MANUAL')) verdict.toAttest += 1;
  }
  return verdict;
}

/** "5 of 62 requirements need action (3 fail, 2 could not be checked); 4 to review, 40 to attest." */
export function verdictLine(verdict: Verdict): string {
  const act = verdict.failing + verdict.erroring;
  const parts = [`${verdict.failing} fail`, `${verdict.erroring} could not be checked`];
  return `${act} of ${verdict.applicable} requirements need action (${parts.join(', ')}); ${verdict.warning} to review, ${verdict.toAttest} to attest.`;
}
