// A table-driven tester for checks, in the spirit of ESLint's RuleTester: each case is an input
// built from typed fixtures and the outcomes expected, asserted by status, message ID and resource.

import { describe, expect, it } from 'vitest';
import type { AnyCheck, CheckInput } from '../../src/contract/check.js';
import type { FindingStatus } from '../../src/contract/status.js';

export interface ExpectedOutcome {
  status: FindingStatus;
  messageId: string;
  resource: string;
  /** A subset of the outcome's params to assert. */
  params?: Record<string, string | number>;
  advisory?: boolean;
}

export interface CheckCase {
  name: string;
  input: CheckInput<Record<string, unknown>, Record<string, unknown>>;
  expected: ExpectedOutcome[];
}

/** Fills `{name}` placeholders and refuses to leave one unfilled. */
export function fillMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`message placeholder {${name}} has no param`);
    return String(params[name]);
  });
}

export function runCheckCases(check: AnyCheck, cases: CheckCase[]): void {
  describe(check.id, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const outcomes = check.evaluate(c.input as never);
      expect(outcomes.length, 'a check must return at least one outcome').toBeGreaterThan(0);
      for (const outcome of outcomes) {
        const template = check.messages[outcome.messageId];
        expect(template, `message ${outcome.messageId} is not in the check's messages`).toBeDefined();
        expect(() => fillMessage(template!, outcome.params)).not.toThrow();
      }
      const seen = outcomes.map(({ status, messageId, resource }) => ({ status, messageId, resource }));
      const wanted = c.expected.map(({ status, messageId, resource }) => ({ status, messageId, resource }));
      expect(seen).toEqual(wanted);
      c.expected.forEach((expected, i) => {
        if (expected.params) expect(outcomes[i]!.params).toMatchObject(expected.params);
        if (expected.advisory !== undefined) expect(outcomes[i]!.advisory ?? false).toBe(expected.advisory);
      });
    });
  });
}

/** The filled message of the first outcome, for the few tests that read the words themselves. */
export function firstMessage(check: AnyCheck, input: CheckCase['input']): string {
  const [outcome] = check.evaluate(input as never);
  return fillMessage(check.messages[outcome!.messageId]!, outcome!.params);
}
