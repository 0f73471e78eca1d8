// Accepted exceptions (a mutelist, in Prowler's words; an ignore file, in Trivy's): a FAIL or WARN
// finding the partner has accepted for a reason, until a date. The finding keeps its status and
// gains the exception; ERROR findings are never covered, since missing evidence is never accepted.

import { isExpired } from '../attest/expiry.js';
import { coversAccount, type ScopedAccount } from '../attest/scope.js';
import type { FindingException } from '../attest/types.js';
import type { ExceptionSummary, Finding } from '../contract/results.js';

const COVERABLE = new Set<Finding['status']>(['FAIL', 'WARN']);

interface Rule {
  exception: FindingException;
  resource: RegExp;
  expired: boolean;
  summary: ExceptionSummary;
}

/** The exceptions as rules that keep their counts while findings pass through in batches. */
export class ExceptionMatcher {
  private readonly rules: Rule[];

  constructor(
    exceptions: readonly FindingException[],
    private readonly accounts: ReadonlyMap<string, ScopedAccount>,
    now: Date,
  ) {
    this.rules = exceptions.map((exception) => toRule(exception, now));
  }

  /** Attaches the first matching exception (in file order) to each FAIL or WARN finding, in place. */
  apply(findings: readonly Finding[]): void {
    for (const finding of findings) {
      const rule = this.rules.find((r) => matches(r, finding, this.accounts));
      if (!rule) continue;
      if (!COVERABLE.has(finding.status)) {
        if (finding.status === 'ERROR') rule.summary.errorsNotCovered += 1;
        continue;
      }
      const { reason, owner, expires } = rule.exception;
      finding.exception = { reason, owner, expires, expired: rule.expired };
      rule.summary.covered += 1;
    }
  }

  summaries(): ExceptionSummary[] {
    return this.rules.map((r) => r.summary);
  }
}

function toRule(exception: FindingException, now: Date): Rule {
  const { check, resource, accounts, reason, owner, expires } = exception;
  const expired = isExpired(expires, now);
  return {
    exception,
    resource: globToRegExp(resource),
    expired,
    summary: { checkId: check, resource, ...(accounts && { accounts }), reason, owner, expires, expired, covered: 0, errorsNotCovered: 0 },
  };
}

function matches(rule: Rule, finding: Finding, accounts: ReadonlyMap<string, ScopedAccount>): boolean {
  if (rule.exception.check !== finding.checkId || !rule.resource.test(finding.resource)) return false;
  return coversAccount(rule.exception.accounts, accounts.get(finding.accountId) ?? { accountId: finding.accountId });
}

/** `*` stands for any run of characters (ARNs hold `/` and `:`); everything else is literal. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`);
}
