import {
  EventBridgeClient,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  TestEventPatternCommand,
  type Rule,
} from '@aws-sdk/client-eventbridge';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { eventRules } from './datasets.js';
import type { EventBusInfo, EventRuleInfo, EventRuleTarget } from './datasets.js';
import { routingSample, sampleEvent, type RoutingSample } from './samples.js';
import { collectTokenPages, required } from '../sdk.js';

// The EventBridge client has no paginators: every list below follows NextToken by hand.

async function listBuses(events: EventBridgeClient): Promise<EventBusInfo[]> {
  const buses = await collectTokenPages(
    (NextToken) => events.send(new ListEventBusesCommand({ NextToken })),
    (page) => page.EventBuses,
  );
  return buses.map((bus) => ({ name: required(bus.Name, 'EventBus.Name'), arn: required(bus.Arn, 'EventBus.Arn') }));
}

/** Without EventBusName, ListRules lists the default bus only. */
function listRules(events: EventBridgeClient, busName: string): Promise<Rule[]> {
  return collectTokenPages(
    (NextToken) => events.send(new ListRulesCommand({ EventBusName: busName, NextToken })),
    (page) => page.Rules,
  );
}

async function listTargets(events: EventBridgeClient, rule: string, busName: string): Promise<EventRuleTarget[]> {
  const targets = await collectTokenPages(
    (NextToken) => events.send(new ListTargetsByRuleCommand({ Rule: rule, EventBusName: busName, NextToken })),
    (page) => page.Targets,
  );
  return targets.map((target) => ({ id: required(target.Id, 'Target.Id'), arn: required(target.Arn, 'Target.Arn') }));
}

/**
 * The pattern's top-level `source` when it is a plain list of strings: then a sample whose source
 * is not in it cannot match. Anything else (operators, no source, unparsable) leaves it to AWS.
 */
function plainSources(eventPattern: string): string[] | undefined {
  try {
    const source: unknown = (JSON.parse(eventPattern) as Record<string, unknown>).source;
    return Array.isArray(source) && source.every((s) => typeof s === 'string') ? (source as string[]) : undefined;
  } catch {
    return undefined;
  }
}

async function sampleVerdict(ctx: CollectContext, eventPattern: string, sample: RoutingSample): Promise<boolean> {
  const sources = plainSources(eventPattern);
  if (sources !== undefined && !sources.includes(sample.source)) return false;
  const events = ctx.clients.get(EventBridgeClient);
  const event = sampleEvent(sample, ctx.accountId, ctx.region);
  const { Result } = await events.send(new TestEventPatternCommand({ EventPattern: eventPattern, Event: event }));
  return required(Result, 'TestEventPattern.Result');
}

/** TestEventPattern's verdict for every sample asked; schedule-only rules get none. */
async function sampleMatches(ctx: CollectContext, samples: RoutingSample[], eventPattern: string | undefined): Promise<Record<string, boolean>> {
  if (eventPattern === undefined) return {};
  const verdicts = await Promise.all(samples.map((sample) => sampleVerdict(ctx, eventPattern, sample)));
  return Object.fromEntries(samples.map((sample, i) => [sample.id, verdicts[i]!]));
}

async function describeRule(ctx: CollectContext, samples: RoutingSample[], rule: Rule, busName: string): Promise<EventRuleInfo> {
  const name = required(rule.Name, 'Rule.Name');
  const [targets, matches] = await Promise.all([
    listTargets(ctx.clients.get(EventBridgeClient), name, busName),
    sampleMatches(ctx, samples, rule.EventPattern),
  ]);
  return {
    name,
    arn: required(rule.Arn, 'Rule.Arn'),
    busName,
    state: required(rule.State, 'Rule.State'),
    eventPattern: rule.EventPattern,
    targets,
    sampleMatches: matches,
  };
}

const collectEventRules = defineCollector(eventRules, async (ctx) => {
  const samples = ctx.questions.map(routingSample);
  const events = ctx.clients.get(EventBridgeClient);
  const buses = await listBuses(events);
  const rulesByBus = await Promise.all(
    buses.map(async (bus) => {
      const rules = await listRules(events, bus.name);
      return Promise.all(rules.map((rule) => describeRule(ctx, samples, rule, bus.name)));
    }),
  );
  return { samples: samples.map((s) => s.id), buses, rules: rulesByBus.flat() };
});

export const COLLECTORS = [collectEventRules];
