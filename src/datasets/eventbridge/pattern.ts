// What can be read from an event pattern without asking AWS: which sources it admits, and whether
// its verdict can depend on which account an event is from.

type Json = unknown;

function parse(eventPattern: string): Json {
  try {
    return JSON.parse(eventPattern) as Json;
  } catch {
    // Not ours to judge: an unparsable pattern goes to TestEventPattern, which answers for it.
    return undefined;
  }
}

/**
 * The pattern's top-level `source` when it is a plain list of strings: then a sample whose source
 * is not in it cannot match. Anything else (operators, no source, unparsable) leaves it to AWS.
 */
export function plainSources(eventPattern: string): string[] | undefined {
  const pattern = parse(eventPattern);
  const source = typeof pattern === 'object' && pattern !== null ? (pattern as Record<string, unknown>).source : undefined;
  return Array.isArray(source) && source.every((s) => typeof s === 'string') ? (source as string[]) : undefined;
}

/** Fields naming the account an event is from or about: `account`, GuardDuty's `accountId`, Health's
 * `affectedAccount`, ASFF's `AwsAccountId`, OCSF's `cloud.account.uid`. */
const IDENTITY_KEYS = new Set(['account', 'accountId', 'affectedAccount', 'AwsAccountId', 'uid']);
/** Operators under which accounts that the pattern does not name can still differ. */
const SHAPE_OPERATORS = new Set(['prefix', 'suffix', 'wildcard', 'numeric', 'equals-ignore-case', 'cidr']);

function keysOf(value: Json, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

export interface IdentityUse {
  /** The pattern names an identity field anywhere: its verdict may differ between accounts. */
  namesIdentity: boolean;
  /** Accounts that the pattern does not name all get the same verdict (no prefix-like operator). */
  unnamedAlike: boolean;
}

export function identityUse(eventPattern: string): IdentityUse {
  const keys = keysOf(parse(eventPattern));
  return {
    namesIdentity: [...keys].some((k) => IDENTITY_KEYS.has(k)),
    unnamedAlike: ![...keys].some((k) => SHAPE_OPERATORS.has(k)),
  };
}
