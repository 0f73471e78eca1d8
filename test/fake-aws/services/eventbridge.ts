// EventBridge (awsJson 1.1): buses, rules per bus (ListRules lists the default bus unless told
// otherwise), targets, and TestEventPattern judged by the fake's pattern matcher.

import { FakeAwsError } from '../errors.js';
import { InvalidPatternError, matchesPattern } from '../event-pattern.js';
import { optionalNumber, paginate, requiredString, stableId } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface EventBridgeSpec {
  /** Custom buses; `default` always exists. */
  buses?: string[];
  rules?: EventRuleSpec[];
  /** API destinations: name and invocation endpoint (an HTTPS URL). */
  apiDestinations?: { name: string; endpoint: string; state?: 'ACTIVE' | 'INACTIVE' }[];
}

export interface EventRuleSpec {
  name: string;
  bus?: string;
  state?: 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  /** The pattern as JSON (it is sent as a string on the wire). */
  pattern?: Record<string, unknown>;
  schedule?: string;
  targets?: { id: string; arn: string }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    eventBridge?: EventBridgeSpec;
  }
}

const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'];

function busArn(ctx: HandlerContext, name: string): string {
  return `arn:aws:events:${ctx.region}:${ctx.account.id}:event-bus/${name}`;
}

function busNames(ctx: HandlerContext): string[] {
  return ['default', ...(ctx.regionSpec.eventBridge?.buses ?? [])];
}

/** Buses are addressed by name or ARN. */
function busName(ctx: HandlerContext, nameOrArn: unknown): string {
  const raw = typeof nameOrArn === 'string' && nameOrArn !== '' ? nameOrArn : 'default';
  const name = raw.startsWith('arn:') ? raw.slice(raw.lastIndexOf('/') + 1) : raw;
  if (!busNames(ctx).includes(name)) throw new FakeAwsError('ResourceNotFoundException', 400, `Event bus ${name} does not exist.`);
  return name;
}

function rulesOn(ctx: HandlerContext, bus: string): EventRuleSpec[] {
  return (ctx.regionSpec.eventBridge?.rules ?? []).filter((r) => (r.bus ?? 'default') === bus);
}

function listEventBuses(ctx: HandlerContext): unknown {
  const { json } = ctx.input;
  const prefix = typeof json.NamePrefix === 'string' ? json.NamePrefix : '';
  const buses = busNames(ctx).filter((n) => n.startsWith(prefix));
  const page = paginate(buses, json.NextToken, optionalNumber(json.Limit) ?? 100, 'ValidationException');
  const created = epochSeconds(new Date('2024-03-01T00:00:00Z'));
  return {
    EventBuses: page.items.map((name) => ({ Name: name, Arn: busArn(ctx, name), CreationTime: created, LastModifiedTime: created })),
    NextToken: page.nextToken,
  };
}

function listRules(ctx: HandlerContext): unknown {
  const { json } = ctx.input;
  const bus = busName(ctx, json.EventBusName);
  const prefix = typeof json.NamePrefix === 'string' ? json.NamePrefix : '';
  const rules = rulesOn(ctx, bus).filter((r) => r.name.startsWith(prefix));
  const page = paginate(rules, json.NextToken, optionalNumber(json.Limit) ?? 50, 'ValidationException');
  return {
    Rules: page.items.map((r) => ({
      Name: r.name,
      Arn: `arn:aws:events:${ctx.region}:${ctx.account.id}:rule/${bus === 'default' ? '' : `${bus}/`}${r.name}`,
      EventPattern: r.pattern ? JSON.stringify(r.pattern) : undefined,
      ScheduleExpression: r.schedule,
      State: r.state ?? 'ENABLED',
      EventBusName: bus,
    })),
    NextToken: page.nextToken,
  };
}

function listTargetsByRule(ctx: HandlerContext): unknown {
  const { json } = ctx.input;
  const bus = busName(ctx, json.EventBusName);
  const ruleName = requiredString(json.Rule, 'rule');
  const rule = rulesOn(ctx, bus).find((r) => r.name === ruleName);
  if (!rule) throw new FakeAwsError('ResourceNotFoundException', 400, `Rule ${ruleName} does not exist on EventBus ${bus}.`);
  const page = paginate(rule.targets ?? [], json.NextToken, optionalNumber(json.Limit) ?? 100, 'ValidationException');
  return { Targets: page.items.map((t) => ({ Id: t.id, Arn: t.arn })), NextToken: page.nextToken };
}

function parseJson(text: string, what: string, code: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FakeAwsError(code, 400, `${what} is not valid JSON.`);
  }
}

function testEventPattern(ctx: HandlerContext): unknown {
  const pattern = parseJson(requiredString(ctx.input.json.EventPattern, 'eventPattern'), 'Event pattern', 'InvalidEventPatternException');
  const event = parseJson(requiredString(ctx.input.json.Event, 'event'), 'Event', 'ValidationException') as Record<string, unknown>;
  const missing = REQUIRED_EVENT_FIELDS.filter((f) => !(f in event));
  if (missing.length > 0) throw new FakeAwsError('ValidationException', 400, `Event is missing required fields: ${missing.join(', ')}.`);
  try {
    return { Result: matchesPattern(pattern, event) };
  } catch (err) {
    if (err instanceof InvalidPatternError) throw new FakeAwsError('InvalidEventPatternException', 400, `Event pattern is not valid. Reason: ${err.message}`);
    throw err;
  }
}

function listApiDestinations(ctx: HandlerContext): unknown {
  const { json } = ctx.input;
  const destinations = (ctx.regionSpec.eventBridge?.apiDestinations ?? []).map((d) => ({
    ApiDestinationArn: `arn:aws:events:${ctx.region}:${ctx.account.id}:api-destination/${d.name}/${stableId(d.name, 8)}-0000-4000-8000-000000000000`,
    Name: d.name,
    ApiDestinationState: d.state ?? 'ACTIVE',
    ConnectionArn: `arn:aws:events:${ctx.region}:${ctx.account.id}:connection/${d.name}/${stableId(`c/${d.name}`, 8)}-0000-4000-8000-000000000000`,
    InvocationEndpoint: d.endpoint,
    HttpMethod: 'POST',
    CreationTime: epochSeconds(new Date('2025-05-01T00:00:00Z')),
  }));
  const page = paginate(destinations, json.NextToken, optionalNumber(json.Limit) ?? 100, 'ValidationException');
  return { ApiDestinations: page.items, NextToken: page.nextToken };
}

export const eventBridge = defineService({
  signingName: 'events',
  actionPrefix: 'events',
  protocol: awsJson('AWSEvents'),
  operations: {
    ListEventBuses: listEventBuses,
    ListRules: listRules,
    ListTargetsByRule: listTargetsByRule,
    TestEventPattern: testEventPattern,
    ListApiDestinations: listApiDestinations,
  },
});
