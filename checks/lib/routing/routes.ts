// Routing-rule evaluation shared by the Health, GuardDuty and Config routing checks (checks/lib/routing/).
// A routing rule sits on the region's default bus, is enabled, has a target and matches the event
// with the identity it has there (TestEventPattern's verdict, recorded by the collector). A rule
// whose targets are all event buses is followed to those buses: it counts only where a routing rule
// there delivers. An event crosses to another account at most once: EventBridge does not forward an
// event it received from another account again.

import { eventRules, type EventRuleInfo, type EventRulesEvidence } from '../../../src/datasets/eventbridge/datasets.js';
import type { RoutingSampleId } from '../../../src/datasets/eventbridge/samples/index.js';
import type { OrgView } from '../../../src/contract/check.js';
import { partitionOf } from '../arn.js';
import { ownEvent, ruleMatches, type RoutedEvent } from './event.js';

const ENABLED_STATES = new Set(['ENABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS']);
const DEFAULT_BUS = 'default';
const BUS_ARN = /^arn:[\w-]+:events:([\w-]+):(\d{12}):event-bus\/(.+)$/;

export interface RoutingScope {
  accountId: string;
  region: string;
  rules: EventRulesEvidence;
  org: OrgView;
}

/**
 * - `routed`: a target outside EventBridge receives the event (directly or after forwarding);
 * - `error`: forwarded to a scanned account whose rules could not be read;
 * - `unverified`: forwarded to an account or region outside the scan;
 * - `dropped`: forwarded to a bus where no routing rule picks it up.
 */
export type RouteStatus = 'routed' | 'error' | 'unverified' | 'dropped';

export interface Route {
  status: RouteStatus;
  /** The sample the route carries (the one that matched, where several were tried). */
  sample: RoutingSampleId;
  rule: EventRuleInfo;
  /** Where the event goes, in words: `rule → target, target` or `rule → bus → rule → target`. */
  path: string;
  /** The ARNs outside EventBridge the event reaches on this route (none unless it is routed). */
  targets: string[];
}

type Delivery = Omit<Route, 'rule' | 'sample'>;

const RANK: Record<RouteStatus, number> = { routed: 0, error: 1, unverified: 2, dropped: 3 };

function bestOf<T extends { status: RouteStatus }>(items: T[]): T | undefined {
  return [...items].sort((a, b) => RANK[a.status] - RANK[b.status])[0];
}

/** An enabled rule with a target on the bus; `matches` is TestEventPattern's verdict on the event (undefined: not tested). */
function candidateRules(scope: RoutingScope, busName: string, event: RoutedEvent): { rule: EventRuleInfo; matches: boolean | undefined }[] {
  return scope.rules.rules
    .filter((rule) => rule.busName === busName && ENABLED_STATES.has(rule.state) && rule.targets.length > 0)
    .map((rule) => ({ rule, matches: ruleMatches(rule, scope.accountId, event) }))
    .filter(({ matches }) => matches !== false);
}

function untested(rule: EventRuleInfo, event: RoutedEvent): Route {
  return {
    status: 'unverified',
    sample: event.sample,
    rule,
    path: `${rule.name} (filters on accounts; the event of ${event.subject} as it arrives here was not tested, not verified)`,
    targets: [],
  };
}

function routesOnBus(scope: RoutingScope, busName: string, event: RoutedEvent, seen: Set<string>): Route[] {
  return candidateRules(scope, busName, event).map(({ rule, matches }) => (matches ? follow(scope, rule, event, seen) : untested(rule, event)));
}

interface BusRef {
  arn: string;
  region: string;
  accountId: string;
  name: string;
}

function parseBus(arn: string): BusRef | undefined {
  const match = BUS_ARN.exec(arn);
  return match ? { arn, region: match[1]!, accountId: match[2]!, name: match[3]! } : undefined;
}

const busKey = (accountId: string, region: string, name: string) => `${accountId}/${region}/${name}`;

function follow(scope: RoutingScope, rule: EventRuleInfo, event: RoutedEvent, seen: Set<string>): Route {
  const buses = rule.targets.map((t) => parseBus(t.arn));
  if (buses.some((bus) => bus === undefined)) {
    const targets = rule.targets.map((t) => t.arn);
    return { status: 'routed', sample: event.sample, rule, path: `${rule.name} → ${targets.join(', ')}`, targets: targets.filter((arn) => !parseBus(arn)) };
  }
  const deliveries = buses.map((bus) => followBus(scope, bus!, event, seen));
  const best = bestOf(deliveries)!;
  return { status: best.status, sample: event.sample, rule, path: `${rule.name} → ${best.path}`, targets: best.targets };
}

function followBus(scope: RoutingScope, bus: BusRef, event: RoutedEvent, seen: Set<string>): Delivery {
  const key = busKey(bus.accountId, bus.region, bus.name);
  if (seen.has(key)) return { status: 'dropped', path: `${bus.arn} (forwarding loop)`, targets: [] };
  const crossing = bus.accountId !== scope.accountId;
  if (crossing && event.crossings > 0) return { status: 'unverified', path: `${bus.arn} (forwarded again to another account, not verified)`, targets: [] };
  const local = bus.accountId === scope.accountId && bus.region === scope.region;
  if (!local && !scope.org.scannedAccounts.has(bus.accountId)) {
    return { status: 'unverified', path: `${bus.arn} (account ${bus.accountId} not scanned, not verified)`, targets: [] };
  }
  const view = local ? { ok: true as const, data: scope.rules } : scope.org.dataset(eventRules, bus.accountId, bus.region);
  if (!view) return { status: 'unverified', path: `${bus.arn} (${bus.region} of ${bus.accountId} not scanned, not verified)`, targets: [] };
  if (!view.ok) {
    return { status: 'error', path: `${bus.arn} (rules of ${bus.accountId} in ${bus.region} could not be read: ${view.error.code})`, targets: [] };
  }
  const next: RoutingScope = { accountId: bus.accountId, region: bus.region, rules: view.data, org: scope.org };
  const arriving = crossing ? { ...event, crossings: event.crossings + 1 } : event;
  const routes = routesOnBus(next, bus.name, arriving, new Set(seen).add(key));
  const best = bestOf(routes);
  if (!best) return { status: 'dropped', path: `${bus.arn} (no rule there routes it)`, targets: [] };
  return { status: best.status, path: `${bus.arn} → ${best.path}`, targets: best.targets };
}

/** Every routing rule on the default bus that matches the event, each followed to its destination. */
export function routesFor(scope: RoutingScope, event: RoutedEvent): Route[] {
  return routesOnBus(scope, DEFAULT_BUS, event, new Set([busKey(scope.accountId, scope.region, DEFAULT_BUS)]));
}

export interface SampleRouting {
  sample: RoutingSampleId;
  /** The best status of any route; `none` when no route delivers or could deliver. */
  status: Exclude<RouteStatus, 'dropped'> | 'none';
  routes: Route[];
}

/** Routing of the scope account's own event. */
export function routeSample(scope: RoutingScope, sample: RoutingSampleId): SampleRouting {
  return routeEvents(scope, [ownEvent(sample, scope.accountId)]);
}

/** Routing of whichever of `events` fares best (e.g. a Security Hub v1 or v2 finding event), labelled by the first. */
export function routeEvents(scope: RoutingScope, events: RoutedEvent[]): SampleRouting {
  const routes = events.flatMap((event) => routesFor(scope, event));
  const best = bestOf(routes);
  const status = !best || best.status === 'dropped' ? 'none' : best.status;
  return { sample: best?.sample ?? events[0]!.sample, status, routes };
}

/** The ARNs the sample's delivering routes reach. */
export function reachedTargets(routing: SampleRouting): string[] {
  return [...new Set(routing.routes.filter((r) => r.status === 'routed').flatMap((r) => r.targets))];
}

/** The paths of the routes that earned the sample its status, for messages. */
export function describeRoutes(routing: SampleRouting): string {
  const wanted = routing.status === 'none' ? 'dropped' : routing.status;
  return [...new Set(routing.routes.filter((r) => r.status === wanted).map((r) => r.path))].join('; ');
}

/** The rules considered and what each did with the samples: raw evidence for the finding. */
export function routingEvidence(routings: SampleRouting[]): Record<string, unknown> {
  return {
    samples: routings.map(({ sample, status, routes }) => ({
      sample,
      status,
      routes: routes.map(({ status: routeStatus, rule, path }) => ({
        status: routeStatus,
        path,
        rule: { name: rule.name, arn: rule.arn, state: rule.state, eventPattern: rule.eventPattern, targets: rule.targets.map((t) => t.arn) },
      })),
    })),
  };
}

/** The scope a routing check judges, and the default bus its findings name as their resource. */
export function routingScope(input: {
  accountId: string;
  region: string;
  data: { rules: EventRulesEvidence };
  org: OrgView;
}): { scope: RoutingScope; resource: string } {
  const scope: RoutingScope = { accountId: input.accountId, region: input.region, rules: input.data.rules, org: input.org };
  return { scope, resource: defaultBusArn(scope) };
}

function defaultBusArn(scope: RoutingScope): string {
  return scope.rules.buses.find((bus) => bus.name === DEFAULT_BUS)?.arn ?? defaultBusArnOf(scope.accountId, scope.region);
}

export function defaultBusArnOf(accountId: string, region: string): string {
  return `arn:${partitionOf(region)}:events:${region}:${accountId}:event-bus/${DEFAULT_BUS}`;
}
