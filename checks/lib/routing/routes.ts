// Routing-rule evaluation shared by the Health, GuardDuty and Config routing checks (checks/lib/routing/).
// A routing rule sits on the region's default bus, is enabled, has a target and matches the
// sample (TestEventPattern's verdict, recorded by the collector). A rule whose targets are all
// event buses is followed to those buses: it counts only where a routing rule there delivers.

import { eventRules, type EventRuleInfo, type EventRulesEvidence } from '../../../src/datasets/eventbridge/datasets.js';
import type { RoutingSampleId } from '../../../src/datasets/eventbridge/samples.js';
import type { OrgView } from '../../../src/contract/check.js';
import { partitionOf } from '../arn.js';

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
  rule: EventRuleInfo;
  /** Where the event goes, in words: `rule → target, target` or `rule → bus → rule → target`. */
  path: string;
}

type Delivery = Omit<Route, 'rule'>;

const RANK: Record<RouteStatus, number> = { routed: 0, error: 1, unverified: 2, dropped: 3 };

function bestOf<T extends { status: RouteStatus }>(items: T[]): T | undefined {
  return [...items].sort((a, b) => RANK[a.status] - RANK[b.status])[0];
}

function isRoutingRule(rule: EventRuleInfo, busName: string, sample: RoutingSampleId): boolean {
  return rule.busName === busName && ENABLED_STATES.has(rule.state) && rule.targets.length > 0 && rule.sampleMatches[sample] === true;
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

function follow(scope: RoutingScope, rule: EventRuleInfo, sample: RoutingSampleId, seen: Set<string>): Route {
  const buses = rule.targets.map((t) => parseBus(t.arn));
  if (buses.some((bus) => bus === undefined)) {
    return { status: 'routed', rule, path: `${rule.name} → ${rule.targets.map((t) => t.arn).join(', ')}` };
  }
  const deliveries = buses.map((bus) => followBus(scope, bus!, sample, seen));
  const best = bestOf(deliveries)!;
  return { status: best.status, rule, path: `${rule.name} → ${best.path}` };
}

function followBus(scope: RoutingScope, bus: BusRef, sample: RoutingSampleId, seen: Set<string>): Delivery {
  const key = busKey(bus.accountId, bus.region, bus.name);
  if (seen.has(key)) return { status: 'dropped', path: `${bus.arn} (forwarding loop)` };
  const local = bus.accountId === scope.accountId && bus.region === scope.region;
  if (!local && !scope.org.scannedAccounts.has(bus.accountId)) {
    return { status: 'unverified', path: `${bus.arn} (account ${bus.accountId} not scanned, not verified)` };
  }
  const view = local ? { ok: true as const, data: scope.rules } : scope.org.dataset(eventRules, bus.accountId, bus.region);
  if (!view) return { status: 'unverified', path: `${bus.arn} (${bus.region} of ${bus.accountId} not scanned, not verified)` };
  if (!view.ok) {
    return { status: 'error', path: `${bus.arn} (rules of ${bus.accountId} in ${bus.region} could not be read: ${view.error.code})` };
  }
  const next: RoutingScope = { accountId: bus.accountId, region: bus.region, rules: view.data, org: scope.org };
  const routes = view.data.rules
    .filter((rule) => isRoutingRule(rule, bus.name, sample))
    .map((rule) => follow(next, rule, sample, new Set(seen).add(key)));
  const best = bestOf(routes);
  if (!best) return { status: 'dropped', path: `${bus.arn} (no rule there routes it)` };
  return { status: best.status, path: `${bus.arn} → ${best.path}` };
}

/** Every routing rule on the default bus that matches `sample`, each followed to its destination. */
export function routesFor(scope: RoutingScope, sample: RoutingSampleId): Route[] {
  const start = new Set([busKey(scope.accountId, scope.region, DEFAULT_BUS)]);
  return scope.rules.rules
    .filter((rule) => isRoutingRule(rule, DEFAULT_BUS, sample))
    .map((rule) => follow(scope, rule, sample, start));
}

export interface SampleRouting {
  sample: RoutingSampleId;
  /** The best status of any route; `none` when no route delivers or could deliver. */
  status: Exclude<RouteStatus, 'dropped'> | 'none';
  routes: Route[];
}

export function routeSample(scope: RoutingScope, sample: RoutingSampleId): SampleRouting {
  return routeAny(scope, [sample], sample);
}

/** Routing of whichever of `samples` fares best (e.g. a Security Hub v1 or v2 finding event). */
export function routeAny(scope: RoutingScope, samples: RoutingSampleId[], label: RoutingSampleId = samples[0]!): SampleRouting {
  const routes = samples.flatMap((sample) => routesFor(scope, sample));
  const best = bestOf(routes);
  const status = !best || best.status === 'dropped' ? 'none' : best.status;
  return { sample: label, status, routes };
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
  return (
    scope.rules.buses.find((bus) => bus.name === DEFAULT_BUS)?.arn ??
    `arn:${partitionOf(scope.region)}:events:${scope.region}:${scope.accountId}:event-bus/${DEFAULT_BUS}`
  );
}
