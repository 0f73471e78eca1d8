import type * as SdkEventbridge from '@aws-sdk/client-eventbridge';
import type { Rule } from '@aws-sdk/client-eventbridge';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { eventRules } from './datasets.js';
import type { EventBusInfo, EventRuleInfo, EventRuleTarget } from './datasets.js';
import { routingSample, type RoutingSample } from './samples/index.js';
import { memberMatches, ownMatches } from './verdicts.js';
import { collectTokenPages, required } from '../sdk.js';
import { collectApiDestinations } from './api-destinations.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  EventBridgeClient,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
} = sdkModule<typeof SdkEventbridge>('@aws-sdk/client-eventbridge');
type EventBridgeClient = SdkEventbridge.EventBridgeClient;

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

/** TestEventPattern's verdicts for the samples asked: own events, and other accounts' where the pattern names accounts. */
async function verdictsOf(ctx: CollectContext, samples: RoutingSample[], eventPattern: string | undefined): Promise<Pick<EventRuleInfo, 'sampleMatches' | 'memberMatches'>> {
  if (eventPattern === undefined) return { sampleMatches: {} };
  const [own, members] = await Promise.all([ownMatches(ctx, samples, eventPattern), memberMatches(ctx, samples, eventPattern)]);
  return { sampleMatches: own, ...(members ? { memberMatches: members } : {}) };
}

async function describeRule(ctx: CollectContext, samples: RoutingSample[], rule: Rule, busName: string): Promise<EventRuleInfo> {
  const name = required(rule.Name, 'Rule.Name');
  const [targets, verdicts] = await Promise.all([
    listTargets(ctx.clients.get(EventBridgeClient), name, busName),
    verdictsOf(ctx, samples, rule.EventPattern),
  ]);
  return {
    name,
    arn: required(rule.Arn, 'Rule.Arn'),
    busName,
    state: required(rule.State, 'Rule.State'),
    eventPattern: rule.EventPattern,
    targets,
    ...verdicts,
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

export const COLLECTORS = [collectEventRules, collectApiDestinations];
