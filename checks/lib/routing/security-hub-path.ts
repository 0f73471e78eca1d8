// The Security Hub path for GuardDuty and Config findings: Security Hub is enabled, and a routing
// rule matches its finding events (v1 or v2) for the product, here or in its administrator account.

import type { SecurityHubEvidence } from '../../../src/datasets/securityhub/datasets.js';
import type { RoutingSampleId } from '../../../src/datasets/eventbridge/samples.js';
import type { DatasetView } from '../../../src/contract/check.js';
import { isEnabledRelationship, remoteScope } from './remote.js';
import { routeAny, type RoutingScope } from './routes.js';
import { FORWARD_MESSAGES, routingVerdict, type Verdict } from './verdict.js';

export const SECURITY_HUB_MESSAGES = {
  routedViaSecurityHub: 'Security Hub is enabled in {region} and its imported {product} findings reach a target: {routes}.',
  routedBySecurityHubAdministrator:
    'Security Hub administrator account {admin} routes imported {product} findings in {region}: {routes}.',
  securityHubAdministratorNotScanned:
    'Security Hub in {region} reports to administrator account {admin}, which was not scanned there; routing of {product} findings is not verified.',
  securityHubAdministratorUnreadable:
    'The event rules of Security Hub administrator account {admin} in {region} could not be read ({code}), so routing there was not judged.',
  securityHubUnreadable:
    'Whether Security Hub is enabled in {region} could not be read ({code}: {message}), so the Security Hub path was not judged.',
  ...FORWARD_MESSAGES,
} as const;

export type SecurityHubMessageId = keyof typeof SECURITY_HUB_MESSAGES;

const PRODUCTS = {
  guardduty: { label: 'GuardDuty', samples: ['securityhub-v1:guardduty', 'securityhub-v2:guardduty'] },
  config: { label: 'Config', samples: ['securityhub-v1:config', 'securityhub-v2:config'] },
} satisfies Record<string, { label: string; samples: RoutingSampleId[] }>;

/** The Security Hub finding events a check asks about for `product`. */
export function securityHubSamples(product: keyof typeof PRODUCTS): RoutingSampleId[] {
  return PRODUCTS[product].samples;
}

export function securityHubPath(
  scope: RoutingScope,
  hub: DatasetView<SecurityHubEvidence>,
  product: keyof typeof PRODUCTS,
): Verdict<SecurityHubMessageId>[] {
  const { label, samples } = PRODUCTS[product];
  const params = { region: scope.region, product: label };
  if (!hub.ok) {
    return [{ status: 'ERROR', messageId: 'securityHubUnreadable', params: { ...params, code: hub.error.code, message: hub.error.message } }];
  }
  if (!hub.data.enabled) return [];
  const local = routingVerdict(routeAny(scope, samples), 'routedViaSecurityHub', params);
  const admin = hub.data.administrator;
  if (!admin || admin.accountId === scope.accountId || !isEnabledRelationship(admin.memberStatus)) return local ? [local] : [];
  return [local, administratorVerdict(scope, admin.accountId, samples, params)].filter((v) => v !== undefined);
}

function administratorVerdict(
  scope: RoutingScope,
  admin: string,
  samples: RoutingSampleId[],
  params: Record<string, string>,
): Verdict<SecurityHubMessageId> | undefined {
  const remote = remoteScope(scope.org, admin, scope.region);
  const withAdmin = { ...params, admin };
  if (remote.kind === 'not-scanned') return { status: 'WARN', messageId: 'securityHubAdministratorNotScanned', params: withAdmin };
  if (remote.kind === 'unreadable') {
    return { status: 'ERROR', messageId: 'securityHubAdministratorUnreadable', params: { ...withAdmin, code: remote.code } };
  }
  return routingVerdict(routeAny(remote.scope, samples), 'routedBySecurityHubAdministrator', withAdmin);
}
