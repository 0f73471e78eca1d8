// The production scope (config `production:`): the checklists ask for their controls on production
// accounts and regions. Findings elsewhere are kept and marked advisory, and a non-production
// account's requirement rows are NOT_APPLICABLE, so they never decide a requirement.

import type { Finding, ProductionScope } from '../contract/results.js';
import { GLOBAL } from '../contract/status.js';

export interface TaggedAccount {
  accountId: string;
  tags?: Record<string, string>;
}

/** Without accounts or tags every account is production; with both, either one is enough. */
export function isProductionAccount(scope: ProductionScope | undefined, account: TaggedAccount): boolean {
  if (!scope || (scope.accounts.length === 0 && Object.keys(scope.accountTags).length === 0)) return true;
  if (scope.accounts.includes(account.accountId)) return true;
  const tags = Object.entries(scope.accountTags);
  return tags.length > 0 && tags.every(([key, value]) => account.tags?.[key] === value);
}

/** Account-wide (global) findings are in every region's scope. */
export function isProductionRegion(scope: ProductionScope | undefined, region: string): boolean {
  return !scope || scope.regions.length === 0 || region === GLOBAL || scope.regions.includes(region);
}

/** Marks, in place, every finding outside the production accounts and regions as advisory. */
export function markOutsideProduction(findings: Finding[], scope: ProductionScope | undefined, accounts: ReadonlyMap<string, TaggedAccount>): void {
  if (!scope) return;
  for (const finding of findings) {
    const account = accounts.get(finding.accountId) ?? { accountId: finding.accountId };
    if (!isProductionAccount(scope, account) || !isProductionRegion(scope, finding.region)) finding.advisory = true;
  }
}

/** "accounts tagged Environment=production, regions eu-west-1 and us-east-1", or "every account and region". */
export function describeProduction(scope: ProductionScope | undefined): string {
  if (!scope) return 'every account and region';
  const regions = scope.regions.length ? scope.regions.join(', ') : 'every region';
  return `${describeScope(scope)}; ${regions}`;
}

export function describeScope(scope: ProductionScope): string {
  const parts = [
    scope.accounts.length ? `accounts ${scope.accounts.join(', ')}` : '',
    Object.keys(scope.accountTags).length ? `accounts tagged ${Object.entries(scope.accountTags).map(([k, v]) => `${k}=${v}`).join(' and ')}` : '',
  ].filter(Boolean);
  return parts.join(' or ') || 'every account';
}
