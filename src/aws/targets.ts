// Which accounts to scan: an explicit list, or every active account of the Organization narrowed
// by account ID and tag filters. With neither, the caller's own account.

import type * as SdkOrganizations from '@aws-sdk/client-organizations';
import type { Account } from '@aws-sdk/client-organizations';
import { RuntimeError } from '../errors.js';
import type { ClientFactory } from '../contract/collector.js';
import { classifyError } from './errors.js';
import { sdkModule } from './sdk-module.js';
import { byCodeUnit } from '../contract/order.js';

const {
  OrganizationsClient,
  paginateListAccounts,
  paginateListTagsForResource,
} = sdkModule<typeof SdkOrganizations>('@aws-sdk/client-organizations');
type OrganizationsClient = SdkOrganizations.OrganizationsClient;

export interface Target {
  accountId: string;
  name?: string;
  tags?: Record<string, string>;
}

export interface OrganizationFilter {
  enabled: boolean;
  includeAccounts: string[];
  excludeAccounts: string[];
  /** Only accounts carrying every one of these tags. */
  includeTags: Record<string, string>;
  /** Skip accounts carrying any one of these tags. */
  excludeTags: Record<string, string>;
}

export interface TargetOptions {
  /** Explicit account IDs (`--accounts`); used as given when `organization.enabled` is false. */
  accounts?: string[];
  organization?: OrganizationFilter;
  callerAccountId: string;
  /** Clients of the caller's account in the home region (Organizations is called there). */
  clients: ClientFactory;
  /** Read every organization account's tags, even without tag filters (statements name accounts by tag). */
  readTags?: boolean;
}

export async function resolveTargets(options: TargetOptions): Promise<Target[]> {
  const org = options.organization;
  if (org?.enabled) return organizationTargets(options.clients, org, options.readTags ?? false);
  const ids = options.accounts?.length ? options.accounts : [options.callerAccountId];
  return [...new Set(ids)].map((accountId) => ({ accountId }));
}

/** `State` replaced the deprecated `Status`; either way only ACTIVE accounts can be scanned. */
export function isActive(account: Account): boolean {
  return (account.State ?? account.Status) === 'ACTIVE';
}

async function organizationTargets(clients: ClientFactory, org: OrganizationFilter, readTags: boolean): Promise<Target[]> {
  const client = clients.get(OrganizationsClient);
  try {
    const accounts = await listActiveAccounts(client);
    const byId = accounts.filter(
      (a) => (org.includeAccounts.length === 0 || org.includeAccounts.includes(a.accountId)) && !org.excludeAccounts.includes(a.accountId),
    );
    const filtered = hasTagFilters(org) || readTags ? await filterByTags(client, byId, org) : byId;
    return filtered.sort((a, b) => byCodeUnit(a.accountId, b.accountId));
  } catch (err) {
    if (err instanceof RuntimeError) throw err;
    const e = classifyError(err);
    throw new RuntimeError(`cannot list the Organization's accounts (run from the management or a delegated administrator account): ${e.code}: ${e.message}`);
  }
}

async function listActiveAccounts(client: OrganizationsClient): Promise<Target[]> {
  const targets: Target[] = [];
  // The paginator follows NextToken even when a page comes back empty.
  for await (const page of paginateListAccounts({ client }, {})) {
    for (const account of page.Accounts ?? []) {
      if (!account.Id || !isActive(account)) continue;
      targets.push(account.Name ? { accountId: account.Id, name: account.Name } : { accountId: account.Id });
    }
  }
  return targets;
}

function hasTagFilters(org: OrganizationFilter): boolean {
  return Object.keys(org.includeTags).length > 0 || Object.keys(org.excludeTags).length > 0;
}

async function accountTags(client: OrganizationsClient, accountId: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  for await (const page of paginateListTagsForResource({ client }, { ResourceId: accountId })) {
    for (const tag of page.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  }
  return tags;
}

export function matchesTags(tags: Record<string, string>, org: Pick<OrganizationFilter, 'includeTags' | 'excludeTags'>): boolean {
  const includes = Object.entries(org.includeTags).every(([k, v]) => tags[k] === v);
  const excluded = Object.entries(org.excludeTags).some(([k, v]) => tags[k] === v);
  return includes && !excluded;
}

async function filterByTags(client: OrganizationsClient, targets: Target[], org: OrganizationFilter): Promise<Target[]> {
  const tagged = await Promise.all(targets.map(async (t) => ({ ...t, tags: await accountTags(client, t.accountId) })));
  return tagged.filter((t) => matchesTags(t.tags, org));
}
