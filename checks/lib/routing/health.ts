// AWS Health RISK routing: how far an account's us-east-1 rules cover the six RISK samples, and
// whether a central account covers it through Health organizational view.

import type { DatasetView, OrgView } from '../../../src/contract/check.js';
import { HEALTH_RISK_EVENT_CODES, type RoutingSampleId } from '../../../src/datasets/eventbridge/samples/index.js';
import type { HealthOrganizationEvidence } from '../../../src/datasets/health/datasets.js';
import { deliveredEvent, ownEvent, type RoutedEvent } from './event.js';
import type { Membership } from './membership.js';
import { remoteScope } from './remote.js';
import { describeRoutes, reachedTargets, routeEvents, type RoutingScope, type SampleRouting } from './routes.js';
import { FORWARD_MESSAGES, type Verdict } from './verdict.js';

export const ALL_SAMPLES: RoutingSampleId[] = HEALTH_RISK_EVENT_CODES.map((code) => `health:${code}` as const);
const KEY_SAMPLES: RoutingSampleId[] = ['health:AWS_RISK_CREDENTIALS_EXPOSED', 'health:AWS_RISK_CREDENTIALS_COMPROMISED'];
const WORST_FIRST: SampleRouting['status'][] = ['none', 'unverified', 'error', 'routed'];

export interface Coverage {
  routings: SampleRouting[];
  /** How the weaker of EXPOSED and COMPROMISED is routed. */
  keyStatus: SampleRouting['status'];
  full: boolean;
  /** The samples not routed, by event code. */
  missing: string[];
  /** Paths of the routes that deliver (or, when none does, of those that decided `keyStatus`). */
  routes: string;
  /** The ARNs the delivering routes reach. */
  targets: string[];
}

const code = (sample: RoutingSampleId) => sample.replace(/^health:/, '');

/** How the scope's rules route each RISK event; `eventFor` gives the event its identity on that bus. */
export function coverage(scope: RoutingScope, eventFor: (sample: RoutingSampleId) => RoutedEvent = (s) => ownEvent(s, scope.accountId)): Coverage {
  const routings = ALL_SAMPLES.map((sample) => routeEvents(scope, [eventFor(sample)]));
  const key = routings.filter((r) => KEY_SAMPLES.includes(r.sample));
  const keyStatus = WORST_FIRST.find((status) => key.some((r) => r.status === status))!;
  const shown = keyStatus === 'routed' ? routings.filter((r) => r.status === 'routed') : key.filter((r) => r.status === keyStatus);
  return {
    routings,
    keyStatus,
    full: routings.every((r) => r.status === 'routed'),
    missing: routings.filter((r) => r.status !== 'routed').map((r) => code(r.sample)),
    routes: [...new Set(shown.flatMap((r) => describeRoutes(r).split('; ')))].join('; '),
    targets: [...new Set(routings.flatMap(reachedTargets))],
  };
}

export const CENTRAL_MESSAGES = {
  coveredCentrally:
    'AWS Health organizational view is on and central account {central} routes every RISK sample from its us-east-1 default event bus: {routes}{ticketing}.',
  partiallyCoveredCentrally:
    'AWS Health organizational view is on and central account {central} routes AWS_RISK_CREDENTIALS_EXPOSED and AWS_RISK_CREDENTIALS_COMPROMISED ({routes}{ticketing}) but not {missing}.',
  mayBeCoveredCentrally:
    'No rule here routes the RISK samples; AWS Health organizational view is on, so they may be covered centrally by {accounts}, not scanned.',
  centralUnreadable: 'The us-east-1 event rules of central account {central} could not be read ({code}), so central coverage was not judged.',
  centralUnknown: 'No rule here routes the RISK samples, and whether AWS Health organizational view covers the account could not be determined: {reason}.',
  centralNotCredited: 'AWS Health organizational view is on, but its central accounts are not credited for this account: {why}.',
  ...FORWARD_MESSAGES,
} as const;

export type CentralMessageId = keyof typeof CENTRAL_MESSAGES;

export interface CentralInput {
  accountId: string;
  region: string;
  org: OrgView;
  healthOrganization: DatasetView<HealthOrganizationEvidence>;
  membership: Membership;
}

/**
 * On when either signal says so; off when both answered no, or when the organization's service
 * access says no and the status API cannot say (its support plan lacks the Health API).
 */
function orgViewState(h: HealthOrganizationEvidence): 'on' | 'off' | 'unknown' {
  if (h.healthOrganizationView === 'ENABLED' || h.healthServiceAccessEnabled === true) return 'on';
  const statusAnswered = h.healthOrganizationView !== undefined || h.healthOrganizationViewUnknowable === true;
  return statusAnswered && h.healthServiceAccessEnabled === false ? 'off' : 'unknown';
}

const unknown = (reason: string): Verdict<CentralMessageId> => ({ status: 'ERROR', messageId: 'centralUnknown', params: { reason } });

/** Coverage offered by the Health central accounts; empty when organizational view cannot apply. */
export function centralVerdicts(input: CentralInput): Verdict<CentralMessageId>[] {
  if (!input.membership.proven && input.membership.noOrganization) return [];
  if (!input.healthOrganization.ok) return [unknown(`the organization's Health settings could not be read (${input.healthOrganization.error.code})`)];
  const h = input.healthOrganization.data;
  const management = h.managementAccountId;
  const state = orgViewState(h);
  if (state === 'off') return [];
  if (state === 'unknown') return [unknown(h.callErrors.map((e) => `${e.action} failed (${e.code})`).join(', '))];
  if (!input.membership.proven) return [{ status: 'FAIL', messageId: 'centralNotCredited', params: { why: input.membership.why } }];
  const centrals = [...new Set([management, ...(h.delegatedAdministrators ?? [])])].filter((a): a is string => a !== undefined && a !== input.accountId);
  if (management === undefined && centrals.length === 0) return [unknown('the management account is unknown')];
  const verdicts = centrals.map((central) => centralVerdict(input, central));
  const notScanned = centrals.filter((_, i) => verdicts[i] === 'not-scanned');
  const judged = verdicts.filter((v): v is Verdict<CentralMessageId> => typeof v === 'object');
  if (notScanned.length > 0) judged.push({ status: 'WARN', messageId: 'mayBeCoveredCentrally', params: { accounts: notScanned.join(', ') } });
  if (h.delegatedAdministrators === undefined) judged.push(unknown('the Health delegated administrators could not be listed'));
  return judged;
}

function centralVerdict(input: CentralInput, central: string): Verdict<CentralMessageId> | 'not-scanned' | undefined {
  const remote = remoteScope(input.org, central, input.region);
  if (remote.kind === 'not-scanned') return 'not-scanned';
  if (remote.kind === 'unreadable') return { status: 'ERROR', messageId: 'centralUnreadable', params: { central, code: remote.code } };
  // Organizational view delivers the member's event to the central account's bus.
  const found = coverage(remote.scope, (sample) => deliveredEvent(sample, input.accountId, central));
  const params = { central, routes: found.routes, missing: found.missing.join(', ') };
  if (found.full) return { status: 'PASS', messageId: 'coveredCentrally', params, targets: found.targets };
  if (found.keyStatus === 'routed') return { status: 'WARN', messageId: 'partiallyCoveredCentrally', params, targets: found.targets };
  if (found.keyStatus === 'error') return { status: 'ERROR', messageId: 'forwardError', params };
  if (found.keyStatus === 'unverified') return { status: 'WARN', messageId: 'forwardedUnverified', params };
  return undefined;
}
