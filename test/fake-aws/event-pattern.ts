// A faithful subset of EventBridge event pattern matching, for TestEventPattern: exact values
// (string, number, null) against scalars or arrays, nested objects, prefix, suffix,
// equals-ignore-case, anything-but (value, list, prefix), exists, numeric ranges and $or.
// Unsupported or malformed patterns are rejected, as AWS does, rather than guessed at.

export class InvalidPatternError extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function matchesPattern(pattern: unknown, event: unknown): boolean {
  if (!isObject(pattern)) throw new InvalidPatternError('Event pattern must be a JSON object.');
  return matchObject(pattern, event);
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The values at `key`. Arrays in the event are flattened, as EventBridge does: a field inside an
 * array of objects takes the values of every element.
 */
function fieldOf(event: unknown, key: string): unknown {
  if (Array.isArray(event)) {
    const values = event.flatMap((element) => scalars(fieldOf(element, key)));
    return values.length > 0 ? values : undefined;
  }
  return isObject(event) ? event[key] : undefined;
}

function matchObject(pattern: Record<string, Json>, event: unknown): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    if (key === '$or') return matchOr(rule, event);
    const value = fieldOf(event, key);
    if (isObject(rule)) return matchObject(rule, value);
    if (!Array.isArray(rule)) throw new InvalidPatternError(`Match value for "${key}" must be an array or an object.`);
    return matchField(rule, value);
  });
}

function matchOr(rule: Json, event: unknown): boolean {
  if (!Array.isArray(rule) || rule.length < 2 || !rule.every(isObject)) throw new InvalidPatternError('$or needs an array of at least two objects.');
  return rule.some((branch) => matchObject(branch as Record<string, Json>, event));
}

/** A field matches when any matcher accepts it; array values match when any element does. */
function matchField(matchers: Json[], value: unknown): boolean {
  return matchers.some((matcher) => {
    if (isObject(matcher)) return matchOperator(matcher, value);
    const values = Array.isArray(value) ? value : [value];
    return value !== undefined && values.some((v) => v === matcher);
  });
}

function scalars(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function matchOperator(matcher: Record<string, Json>, value: unknown): boolean {
  const [op, arg] = Object.entries(matcher)[0] ?? [];
  switch (op) {
    case 'exists':
      if (typeof arg !== 'boolean') throw new InvalidPatternError('exists takes true or false.');
      return arg === (value !== undefined && !isObject(value));
    case 'prefix':
      return stringTest(arg, value, (v, a) => v.startsWith(a));
    case 'suffix':
      return stringTest(arg, value, (v, a) => v.endsWith(a));
    case 'equals-ignore-case':
      return stringTest(arg, value, (v, a) => v.toLowerCase() === a.toLowerCase());
    case 'anything-but':
      return anythingBut(arg, value);
    case 'numeric':
      return numeric(arg, value);
    default:
      throw new InvalidPatternError(`Unsupported operator ${op ?? '(none)'}.`);
  }
}

function stringTest(arg: Json | undefined, value: unknown, test: (v: string, a: string) => boolean): boolean {
  if (typeof arg !== 'string') throw new InvalidPatternError('String operators take a string.');
  return scalars(value).some((v) => typeof v === 'string' && test(v, arg));
}

function anythingBut(arg: Json | undefined, value: unknown): boolean {
  const values = scalars(value);
  if (values.length === 0) return false;
  if (isObject(arg)) {
    const prefix = arg.prefix;
    if (typeof prefix !== 'string') throw new InvalidPatternError('anything-but supports a prefix object only.');
    return values.every((v) => typeof v !== 'string' || !v.startsWith(prefix));
  }
  const excluded: unknown[] = Array.isArray(arg) ? arg : [arg];
  return values.every((v) => !excluded.includes(v));
}

function numeric(arg: Json | undefined, value: unknown): boolean {
  if (!Array.isArray(arg) || arg.length % 2 !== 0) throw new InvalidPatternError('numeric takes operator/value pairs.');
  const checks: [string, number][] = [];
  for (let i = 0; i < arg.length; i += 2) checks.push([String(arg[i]), Number(arg[i + 1])]);
  const compare: Record<string, (a: number, b: number) => boolean> = {
    '<': (a, b) => a < b, '<=': (a, b) => a <= b, '=': (a, b) => a === b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
  };
  return scalars(value).some((v) => typeof v === 'number' && checks.every(([op, n]) => {
    const fn = compare[op];
    if (!fn) throw new InvalidPatternError(`Unknown numeric operator ${op}.`);
    return fn(v, n);
  }));
}
