// Grammars of the identifiers a run names files after. Whatever is read back from a run directory
// is held to them before it becomes part of a path.

/** A 12-digit AWS account ID. */
export const ACCOUNT_ID = /^\d{12}$/;

export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}
