// The Security Hub path for GuardDuty and Config findings: Security Hub is enabled, and a routing
// rule matches its finding events (v1 or v2) for the product, here or in its administrator account,
// which receives the member's findings (credited only when the account's membership is proven).

import type { DatasetView } from '../../../src/contract/check.js';
import type { RoutingSampleId } from '../../../src/datasets/eventbridge/samples/index.js';
import type { SecurityHubEvidence } from '../../../src/datasets/securityhub/datasets.js';
import { deliveredEvent, ownEvent } from './event.js';
import type { Membership } from './membership.js';
import { isEnabledRelationship, remoteScope } from './remote.js';
import { routeEvents, type RoutingScope } from './routes.js';
import { FORWARD_MESSAGES, routingVerdict, type Verdict } from './verdict.js';

export const SECURITY_HUB_MESSAGES = {
  routedViaSecurityHub: 'Security Hub is enabled in {region} and its imported {product} findings reach a target: {routes}{ticketing}.',
  routedBySecurityHubAdministrator:
    'Security Hub administrator account {admin} routes imported {product} findings of this account in {region}: {routes}{ticketing}.',
  securityHubAdministratorNotScanned:
    'Security Hub in {region} reports to administrator account {admin}, which was not scanned there; routing of {product} findings is not verified.',
  securityHubAdministratorUnreadable:
    'The event rules of Security Hub administrator account {admin} in {region} could not be read ({code}), so routing there was not judged.',
  securityHubAdministratorNotCredited:
    'Security Hub in {region} reports to administrator account {admin}, but it is not credited: {why}.',
  securityHubUnreadable:
    'Whether Security Hub is enabled in {region} could not be read ({code}: {message}), so the Security Hub path was not judged.',
  ...FORWARD_MESSAGES,
} as const;

export type SecurityHubMessageId = keyof typeof SECURITY_HUB_MESSAGES;

/** What a check looks for in Security Hub's finding events, and its name in messages. */
export interface SecurityHubProduct {
  label: string;
  samples: RoutingSampleId[];
}

export const SECURITY_HUB_PRODUCTS = {
  'guardduty:credential-exfiltration': { label: 'GuardDuty', samples: ['securityhub-v1:guardduty-credential-exfiltration', 'securityhub-v2:guardduty'] },
  'guardduty:c2-activity': { label: 'GuardDuty', samples: ['securityhub-v1:guardduty-c2-activity', 'securityhub-v2:guardduty'] },
  /** A Config finding, or a failed Security Hub control finding (controls run on Config rules). */
  config: {
    label: 'Config or failed-control',
    samples: ['securityhub-v1:config', 'securityhub-v1:control', 'securityhub-v1:control-cspm', 'securityhub-v2:config', 'securityhub-v2:control'],
  },
} satisfies Record<string, SecurityHubProduct>;

export interface SecurityHubPathInput {
  scope: RoutingScope;
  hub: DatasetView<SecurityHubEvidence>;
  product: SecurityHubProduct;
  membership: Membership;
}

export function securityHubPath({ scope, hub, product, membership }: SecurityHubPathInput): Verdict<SecurityHubMessageId>[] {
  const params = { region: scope.region, product: product.label };
  if (!hub.ok) {
    return [{ status: 'ERROR', messageId: 'securityHubUnreadable', params: { ...params, code: hub.error.code, message: hub.error.message } }];
  }
  if (!hub.data.enabled) return [];
  const own = product.samples.map((sample) => ownEvent(sample, scope.accountId));
  const local = routingVerdict(routeEvents(scope, own), 'routedViaSecurityHub', params);
  const admin = hub.data.administrator;
  if (!admin || admin.accountId === scope.accountId || !isEnabledRelationship(admin.memberStatus)) return local ? [local] : [];
  const withAdmin = { ...params, admin: admin.accountId };
  const central: Verdict<SecurityHubMessageId> | undefined = membership.proven
    ? administratorVerdict(scope, product, withAdmin)
    : { status: 'FAIL', messageId: 'securityHubAdministratorNotCredited', params: { ...withAdmin, why: membership.why } };
  return [local, central].filter((v) => v !== undefined);
}

function administratorVerdict(scope: RoutingScope, product: SecurityHubProduct, params: Record<string, string>): Verdict<SecurityHubMessageId> | undefined {
  const admin = params.admin!;
  const remote = remoteScope(scope.org, admin, scope.region);
  if (remote.kind === 'not-scanned') return { status: 'WARN', messageId: 'securityHubAdministratorNotScanned', params };
  if (remote.kind === 'unreadable') return { status: 'ERROR', messageId: 'securityHubAdministratorUnreadable', params: { ...params, code: remote.code } };
  const delivered = product.samples.map((sample) => deliveredEvent(sample, scope.accountId, admin));
  return routingVerdict(routeEvents(remote.scope, delivered), 'routedBySecurityHubAdministrator', params);
}
