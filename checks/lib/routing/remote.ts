// Another scanned account's routing rules in one region, as the org view offers them.

import type { OrgView } from '../../../src/contract/check.js';
import { eventRules } from '../../../src/datasets/eventbridge/datasets.js';
import type { RoutingScope } from './routes.js';

export type Remote =
  | { kind: 'not-scanned' }
  | { kind: 'unreadable'; code: string; message: string }
  | { kind: 'scanned'; scope: RoutingScope };

export function remoteScope(org: OrgView, accountId: string, region: string): Remote {
  const view = org.scannedAccounts.has(accountId) ? org.dataset(eventRules, accountId, region) : undefined;
  if (!view) return { kind: 'not-scanned' };
  if (!view.ok) return { kind: 'unreadable', code: view.error.code, message: view.error.message };
  return { kind: 'scanned', scope: { accountId, region, rules: view.data, org } };
}

export function isEnabledRelationship(status: string | undefined): boolean {
  return status?.toLowerCase() === 'enabled';
}
