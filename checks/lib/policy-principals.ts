// Who a resource or trust policy statement admits, which actions it covers, and which conditions
// bind the caller: shared by the role trust (IAM-005) and KMS key policy (SECOPS-004) checks.

import type { PolicyPrincipal, PolicyStatement } from '../../src/datasets/policy-types.js';

function wildcardPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Whether an action pattern of a policy (`kms:*`, `kms:ReEncrypt*`, `*`) covers `action`; IAM matches case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardPattern(pattern).test(action);
}

/** Whether the statement's Action, or its NotAction by leaving it out, covers `action`. */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.action) return statement.action.some((pattern) => actionMatches(pattern, action));
  if (statement.notAction) return !statement.notAction.some((pattern) => actionMatches(pattern, action));
  return false;
}

/** The AWS principals a Principal element names; `*` stands for everyone (`"*"` or `{"AWS": "*"}`). */
export function awsPrincipals(principal: PolicyPrincipal | undefined): string[] {
  if (principal === undefined) return [];
  return principal === '*' ? ['*'] : (principal.AWS ?? []);
}

/** Principal `*` or `{"AWS": "*"}`, or any NotPrincipal (it admits everyone it does not name). */
export function admitsEveryone(statement: PolicyStatement): boolean {
  return statement.notPrincipal !== undefined || awsPrincipals(statement.principal).includes('*');
}

const ACCOUNT_OF_PRINCIPAL = /^(?:arn:aws[\w-]*:(?:iam|sts)::)?(\d{12})(?::|$)/;

/**
 * The account an AWS principal belongs to (`123456789012`, `arn:aws:iam::123456789012:root`, a user or
 * role ARN); undefined for `*` and for unique IDs (`AROA...`), which IAM shows once the principal was deleted.
 */
export function principalAccount(principal: string): string | undefined {
  return ACCOUNT_OF_PRINCIPAL.exec(principal)?.[1];
}

/**
 * Condition operators that bind the caller: an absent key makes them false. Negated operators,
 * `...IfExists`, `Null` and `ForAllValues:` are true for a caller without the key, so they bind no
 * one. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
const BINDING_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike']);

function binds(operator: string): boolean {
  return BINDING_OPERATORS.has(operator.replace(/^ForAnyValue:/, ''));
}

/** The condition keys the statement binds the caller with, as written. */
export function bindingConditionKeys(statement: PolicyStatement): string[] {
  return Object.entries(statement.condition ?? {}).flatMap(([operator, keys]) => (binds(operator) ? Object.keys(keys) : []));
}

/** Condition keys that limit who the caller is or on whose behalf it calls (a condition on any other key does not). */
const CALLER_LIMITING_KEYS = new Set([
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'kms:calleraccount',
  'aws:sourceaccount',
  'aws:sourcearn',
  'kms:viaservice',
]);

/** The statement's binding conditions on who calls, e.g. `aws:PrincipalOrgID`. */
export function callerLimits(statement: PolicyStatement): string[] {
  return bindingConditionKeys(statement).filter((key) => CALLER_LIMITING_KEYS.has(key.toLowerCase()));
}

/** Whether the statement can only be used with an sts:ExternalId (a binding condition on it). */
export function requiresExternalId(statement: PolicyStatement): boolean {
  return bindingConditionKeys(statement).some((key) => key.toLowerCase() === 'sts:externalid');
}
