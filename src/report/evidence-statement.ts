// A short evidence statement in plain words for one requirement across all accounts, e.g.
// "GuardDuty is enabled: passed 48 of 48 evaluations (16 regions, 3 accounts)". Shared by the
// self-assessment exports (CSV and XLSX).

import type { Requirement } from '../contract/checklists/types.js';
import type { Finding, RequirementResult } from '../contract/results.js';
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
  const parts = [...checkStatements(input), ...attestationStatements(input), ...reasonStatements(input)];
  if (parts.length > 0) return `${parts.join('. ')}.`;
  return input.results.length === 0 ? 'No result recorded for this requirement.' : 'No evidence collected.';
}

function checkStatements({ findings, checks }: StatementInput): string[] {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.advisory) continue;
    const group = byCheck.get(finding.checkId);
    if (group) group.push(finding);
    else byCheck.set(finding.checkId, [finding]);
  }
  return [...byCheck].map(([checkId, group]) => checkStatement(checks.get(checkId)?.title ?? checkId, group));
}

function checkStatement(title: string, findings: Finding[]): string {
  const evaluated = findings.filter((f) => f.status !== 'NOT_APPLICABLE');
  const passed = evaluated.filter((f) => f.status === 'PASS').length;
  const regions = new Set(findings.filter((f) => f.region !== 'global').map((f) => f.region)).size;
  const accounts = new Set(findings.map((f) => f.accountId)).size;
  const scope = [regions > 0 ? plural(regions, 'region') : '', plural(accounts, 'account')].filter(Boolean).join(', ');
  const head =
    evaluated.length === 0
      ? `${title}: not applicable (${scope})`
      : `${title}: passed ${passed} of ${evaluated.length} evaluations (${scope})`;
  return [head, ...problemPhrases(findings)].join('; ');
}

function problemPhrases(findings: Finding[]): string[] {
  const phrases: string[] = [];
  for (const [status, words] of [
    ['FAIL', 'failed'],
    ['WARN', 'warning'],
    ['ERROR', 'could not be evaluated'],
  ] as const) {
    const matching = findings.filter((f) => f.status === status);
    if (matching.length > 0) phrases.push(`${words}: ${examples(matching)}`);
  }
  return phrases;
}

function examples(findings: Finding[]): string {
  const shown = findings
    .slice(0, MAX_EXAMPLES)
    .map((f) => `${f.message.replace(/\.$/, '')} (${f.accountId}${f.region === 'global' ? '' : `/${f.region}`})`);
  const more = findings.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function attestationStatements({ requirement, results }: StatementInput): string[] {
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
function reasonStatements({ results, findings }: StatementInput): string[] {
  const explained = new Set(findings.map((f) => f.accountId));
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
