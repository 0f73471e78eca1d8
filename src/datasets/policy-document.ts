// IAM returns policy documents as URL-encoded JSON whose fields may each be a string or a list.
// Checks read one shape: every statement in an array, every value list an array of strings.
// Resource and trust policies (KMS key policies, role trust policies) read the same way.

import type { PolicyDocument, PolicyPrincipal, PolicyStatement } from './policy-types.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** A policy value list ("s" or ["s", ...]); booleans and numbers (valid in conditions) become strings. */
function stringList(value: unknown, field: string): string[] {
  return toArray(value).map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'boolean' || typeof item === 'number') return String(item);
    throw new Error(`Unexpected ${field} value in policy document: ${JSON.stringify(item)}`);
  });
}

function optionalList(statement: JsonObject, field: string): string[] | undefined {
  return statement[field] === undefined ? undefined : stringList(statement[field], field);
}

function normalizeCondition(value: unknown): PolicyStatement['condition'] {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new Error('Unexpected Condition block in policy document');
  const condition: NonNullable<PolicyStatement['condition']> = {};
  for (const [operator, keys] of Object.entries(value)) {
    if (!isObject(keys)) throw new Error(`Unexpected Condition operator block ${operator} in policy document`);
    condition[operator] = Object.fromEntries(Object.entries(keys).map(([key, values]) => [key, stringList(values, key)]));
  }
  return condition;
}

/** Resource and trust policies name who they admit: `"*"`, or a map of principal type to one value or a list. */
function normalizePrincipal(value: unknown, field: string): PolicyPrincipal | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return '*';
  if (!isObject(value)) throw new Error(`Unexpected ${field} in policy document: ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value).map(([type, ids]) => [type, stringList(ids, `${field}.${type}`)]));
}

function normalizeStatement(raw: unknown): PolicyStatement {
  if (!isObject(raw)) throw new Error('Unexpected Statement entry in policy document');
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') throw new Error(`Unexpected Effect in policy document: ${String(effect)}`);
  return {
    sid: typeof raw.Sid === 'string' ? raw.Sid : undefined,
    effect,
    principal: normalizePrincipal(raw.Principal, 'Principal'),
    notPrincipal: normalizePrincipal(raw.NotPrincipal, 'NotPrincipal'),
    action: optionalList(raw, 'Action'),
    notAction: optionalList(raw, 'NotAction'),
    resource: optionalList(raw, 'Resource'),
    notResource: optionalList(raw, 'NotResource'),
    condition: normalizeCondition(raw.Condition),
  };
}

/** Normalizes a parsed policy document (Statement may be one object or an array). */
export function normalizePolicyDocument(raw: unknown): PolicyDocument {
  if (!isObject(raw)) throw new Error('Policy document is not a JSON object');
  const statements = raw.Statement === undefined ? [] : toArray(raw.Statement);
  return { statements: statements.map(normalizeStatement) };
}

/** Decodes the URL-encoded JSON that IAM returns in PolicyDocument/Document fields. */
export function decodePolicyDocument(encoded: string): PolicyDocument {
  return normalizePolicyDocument(JSON.parse(decodeURIComponent(encoded)));
}
