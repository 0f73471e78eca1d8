// A short evidence statement in plain words for one requirement across all accounts, e.g.
// "GuardDuty is enabled: passed 48 of 48 evaluations (16 regions, 3 accounts)". Shared by the
// self-assessment exports (CSV and XLSX).

import type { Requirement } from '../contract/checklists/types.js';
import type { Finding, RequirementResult } from '../contract/results.js';
import { FirstMatches } from './findings.js';
import type { CheckSummary } from './types.js';

export interface StatementInput {
  requirement: Requirement;
  /** Findings mapped to this requirement, all accounts. */
  findings: Finding[];
  /** One per account, or one for the partner. */
  results: RequirementResult[];
  checks: ReadonlyMap<string, CheckSummary>;
}

const MAX_EXAMPLES = 2;

export function evidenceStatement(input: StatementInput): string {
  const evidence = new RequirementEvidence();
  for (const finding of input.findings) evidence.add(finding);
  return evidence.statement(input);
}

/**
 * What a requirement's statement says about its findings, gathered as they stream past: counts,
 * the regions and accounts seen, and the first examples of each problem.
 */
export class RequirementEvidence {
  /** Accounts any finding (advisory ones included) was made in. */
  readonly accounts = new Set<string>();
  private readonly byCheck = new Map<string, CheckEvidence>();

  add(finding: Finding): void {
    this.accounts.add(finding.accountId);
    if (finding.advisory) return;
    let check = this.byCheck.get(finding.checkId);
    if (!check) this.byCheck.set(finding.checkId, (check = new CheckEvidence()));
    check.add(finding);
  }

  statement(input: Omit<StatementInput, 'findings'>): string {
    const checks = [...this.byCheck].map(([checkId, evidence]) => evidence.statement(input.checks.get(checkId)?.title ?? checkId));
    const parts = [...checks, ...attestationStatements(input), ...reasonStatements(input, this.accounts)];
    if (parts.length > 0) return `${parts.join('. ')}.`;
    return input.results.length === 0 ? 'No result recorded for this requirement.' : 'No evidence collected.';
  }
}

const PROBLEM_WORDS = [
  ['FAIL', 'failed'],
  ['WARN', 'warning'],
  ['ERROR', 'could not be evaluated'],
] as const;

class CheckEvidence {
  private evaluated = 0;
  private passed = 0;
  private readonly regions = new Set<string>();
  private readonly accounts = new Set<string>();
  private readonly problems = new Map(PROBLEM_WORDS.map(([status]) => [status, new FirstMatches<Finding>(MAX_EXAMPLES, (f) => f.status === status)]));

  add(finding: Finding): void {
    if (finding.status !== 'NOT_APPLICABLE') this.evaluated += 1;
    if (finding.status === 'PASS') this.passed += 1;
    if (finding.region !== 'global') this.regions.add(finding.region);
    this.accounts.add(finding.accountId);
    for (const problem of this.problems.values()) problem.offer(finding);
  }

  statement(title: string): string {
    const scope = [this.regions.size > 0 ? plural(this.regions.size, 'region') : '', plural(this.accounts.size, 'account')].filter(Boolean).join(', ');
    const head =
      this.evaluated === 0
        ? `${title}: not applicable (${scope})`
        : `${title}: passed ${this.passed} of ${this.evaluated} evaluations (${scope})`;
    const phrases = PROBLEM_WORDS.flatMap(([status, words]) => {
      const matching = this.problems.get(status)!;
      return matching.total > 0 ? [`${words}: ${examples(matching)}`] : [];
    });
    return [head, ...phrases].join('; ');
  }
}

function examples(findings: FirstMatches<Finding>): string {
  const shown = findings.shown.map((f) => `${f.message.replace(/\.$/, '')} (${f.accountId}${f.region === 'global' ? '' : `/${f.region}`})`);
  const more = findings.total - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function attestationStatements({ requirement, results }: Omit<StatementInput, 'findings'>): string[] {
  const statements: string[] = [];
  const attested = results.filter((r) => r.attestation);
  const byAttestation = new Map<string, number>();
  for (const result of attested) {
    const a = result.attestation!;
    const evidence = a.evidence.length > 0 ? ` (evidence: ${a.evidence.join(', ')})` : '';
    const expired = a.expired ? ', expired' : '';
    const phrase = `attested ${a.status} by ${a.owner} on ${a.date}${expired}${evidence}`;
    byAttestation.set(phrase, (byAttestation.get(phrase) ?? 0) + 1);
  }
  for (const [phrase, count] of byAttestation) statements.push(`${capitalize(phrase)} for ${share(count, results)}`);
  const manual = results.filter((r) => r.status === 'MANUAL');
  if (manual.length > 0) {
    const what = requirement.attest ?? manual.find((r) => r.reason)?.reason ?? 'partner attestation';
    statements.push(`Awaiting attestation for ${share(manual.length, results)}: ${what}`);
  }
  return statements;
}

/**
 * Why a requirement is not applicable or could not be evaluated in accounts where no finding says
 * so already (e.g. the deployment model, or an account the scan never reached).
 */
function reasonStatements({ results }: Omit<StatementInput, 'findings'>, explained: ReadonlySet<string>): string[] {
  const statements: string[] = [];
  for (const [status, words] of [
    ['NOT_APPLICABLE', 'Not applicable'],
    ['ERROR', 'Could not be evaluated'],
  ] as const) {
    const matching = results.filter((r) => r.status === status && r.reason && !(r.accountId && explained.has(r.accountId)));
    if (matching.length > 0) {
      const reasons = [...new Set(matching.map((r) => r.reason))].slice(0, MAX_EXAMPLES).join('; ');
      statements.push(`${words} for ${share(matching.length, results)}: ${reasons}`);
    }
  }
  return statements;
}

/** "the partner" for a partner-level row, else "3/5 accounts". */
function share(count: number, results: RequirementResult[]): string {
  return results.every((r) => r.accountId === undefined) ? 'the partner' : `${count}/${results.length} accounts`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
