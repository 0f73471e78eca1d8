// Which accounts a statement covers: listed account IDs, or accounts carrying a listed tag.

import type { PartnerStatements } from './types.js';

export interface ScopedAccount {
  accountId: string;
  tags?: Record<string, string>;
}

/** No `accounts` means every account; otherwise any selector (ID or `Key=Value` tag) matching is enough. */
export function coversAccount(selectors: readonly string[] | undefined, account: ScopedAccount): boolean {
  if (selectors === undefined) return true;
  return selectors.some((selector) => matchesSelector(selector, account));
}

function matchesSelector(selector: string, account: ScopedAccount): boolean {
  const at = selector.indexOf('=');
  if (at < 0) return selector === account.accountId;
  return account.tags?.[selector.slice(0, at)] === selector.slice(at + 1);
}

/** True when any statement or exception names accounts by tag, so the scan must read account tags. */
export function namesAccountsByTag(statements: PartnerStatements): boolean {
  const selectors = [
    ...[...statements.attestations.values()].flatMap((set) => [...set.values()].flat().flatMap((a) => a.accounts ?? [])),
    ...statements.exceptions.flatMap((e) => e.accounts ?? []),
  ];
  return selectors.some((s) => s.includes('='));
}
