import {
  AccessDeniedException,
  EventBridgeClient,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventRules } from '../../src/datasets/eventbridge/datasets.js';
import { HEALTH_RISK_EVENT_CODES, ownIdentity, ROUTING_SAMPLES, sampleEvent } from '../../src/datasets/eventbridge/samples/index.js';
import { ACCOUNT_ID, collect, REGION, testContext } from './context.js';

const events = mockClient(EventBridgeClient);

const HEALTH_PATTERN = JSON.stringify({ source: ['aws.health'], 'detail-type': ['AWS Health Event'], detail: { service: ['RISK'] } });
const GUARDDUTY_PATTERN = JSON.stringify({ 'detail-type': ['GuardDuty Finding'] });
const busArn = (name: string) => `arn:aws:events:${REGION}:${ACCOUNT_ID}:event-bus/${name}`;
const ruleArn = (bus: string, name: string) => `arn:aws:events:${REGION}:${ACCOUNT_ID}:rule/${bus === 'default' ? '' : `${bus}/`}${name}`;

/** Stands in for TestEventPattern on the simple patterns above (top-level lists of exact values). */
function fakeVerdict(patternJson: string, eventJson: string): boolean {
  const pattern = JSON.parse(patternJson) as Record<string, unknown>;
  const event = JSON.parse(eventJson) as Record<string, unknown>;
  return ['source', 'detail-type'].every((field) => {
    const allowed = pattern[field];
    return allowed === undefined || (allowed as unknown[]).includes(event[field]);
  });
}

function mockAccount(): void {
  events
    .on(ListEventBusesCommand)
    .resolvesOnce({ EventBuses: [{ Name: 'default', Arn: busArn('default') }], NextToken: 'buses-2' })
    .resolvesOnce({ EventBuses: [{ Name: 'security', Arn: busArn('security') }] });
  events
    .on(ListRulesCommand, { EventBusName: 'default' })
    .resolvesOnce({
      Rules: [{ Name: 'health-risk', Arn: ruleArn('default', 'health-risk'), State: 'ENABLED', EventPattern: HEALTH_PATTERN, EventBusName: 'default' }],
      NextToken: 'rules-2',
    })
    .resolvesOnce({
      Rules: [{ Name: 'nightly', Arn: ruleArn('default', 'nightly'), State: 'ENABLED', ScheduleExpression: 'rate(1 day)', EventBusName: 'default' }],
    });
  events.on(ListRulesCommand, { EventBusName: 'security' }).resolves({
    Rules: [{ Name: 'guardduty', Arn: ruleArn('security', 'guardduty'), State: 'DISABLED', EventPattern: GUARDDUTY_PATTERN }],
  });
  events
    .on(ListTargetsByRuleCommand, { Rule: 'health-risk', EventBusName: 'default' })
    .resolvesOnce({ Targets: [{ Id: 'ticket', Arn: 'arn:aws:lambda:eu-west-1:111122223333:function:open-ticket' }], NextToken: 'targets-2' })
    .resolvesOnce({ Targets: [{ Id: 'page', Arn: 'arn:aws:sns:eu-west-1:111122223333:secops' }] });
  events.on(ListTargetsByRuleCommand, { Rule: 'nightly' }).resolves({ Targets: [] });
  events.on(ListTargetsByRuleCommand, { Rule: 'guardduty', EventBusName: 'security' }).resolves({
    Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:eu-west-1:111122223333:findings' }],
  });
  events.on(TestEventPatternCommand).callsFake((input: { EventPattern: string; Event: string }) => ({
    Result: fakeVerdict(input.EventPattern, input.Event),
  }));
}

/** Every sample, as if every routing check asked. */
const ALL_SAMPLES = ROUTING_SAMPLES.map((sample) => sample.id);

describe('eventbridge.rules', () => {
  beforeEach(() => events.reset());

  it('lists every bus and every rule on it, following NextToken', async () => {
    mockAccount();

    const evidence = await collect(eventRules, testContext());

    expect(evidence.buses).toEqual([
      { name: 'default', arn: busArn('default') },
      { name: 'security', arn: busArn('security') },
    ]);
    expect(events.commandCalls(ListEventBusesCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, 'buses-2']);
    expect(events.commandCalls(ListRulesCommand).map((c) => [c.args[0].input.EventBusName, c.args[0].input.NextToken])).toEqual(
      expect.arrayContaining([
        ['default', undefined],
        ['default', 'rules-2'],
        ['security', undefined],
      ]),
    );
    expect(evidence.rules.map((r) => [r.busName, r.name, r.state])).toEqual([
      ['default', 'health-risk', 'ENABLED'],
      ['default', 'nightly', 'ENABLED'],
      ['security', 'guardduty', 'DISABLED'],
    ]);
    expect(evidence.rules[0]!.targets).toEqual([
      { id: 'ticket', arn: 'arn:aws:lambda:eu-west-1:111122223333:function:open-ticket' },
      { id: 'page', arn: 'arn:aws:sns:eu-west-1:111122223333:secops' },
    ]);
  });

  it("asks TestEventPattern about each sample the rule's source does not rule out", async () => {
    mockAccount();

    const evidence = await collect(eventRules, testContext(REGION, ACCOUNT_ID, ALL_SAMPLES));
    expect(evidence.samples).toEqual(ALL_SAMPLES);
    const [health, nightly, guardduty] = evidence.rules;

    const tested = events.commandCalls(TestEventPatternCommand).map((c) => c.args[0].input);
    const healthCalls = tested.filter((input) => input.EventPattern === HEALTH_PATTERN);
    // Prefilter: the health rule's `source: ["aws.health"]` rules out every non-health sample.
    expect(healthCalls).toHaveLength(HEALTH_RISK_EVENT_CODES.length);
    expect(healthCalls.map((input) => input.Event)).toEqual(
      ROUTING_SAMPLES.filter((s) => s.source === 'aws.health').map((s) => sampleEvent(s, ownIdentity(ACCOUNT_ID, REGION))),
    );
    expect(health!.eventPattern).toBe(HEALTH_PATTERN);
    expect(Object.keys(health!.sampleMatches)).toHaveLength(ROUTING_SAMPLES.length);
    expect(health!.sampleMatches['health:AWS_RISK_CREDENTIALS_EXPOSED']).toBe(true);
    expect(health!.sampleMatches['guardduty:credential-exfiltration']).toBe(false);

    // A pattern without a top-level source list leaves every sample to TestEventPattern.
    expect(tested.filter((input) => input.EventPattern === GUARDDUTY_PATTERN)).toHaveLength(ROUTING_SAMPLES.length);
    expect(guardduty!.sampleMatches['guardduty:credential-exfiltration']).toBe(true);
    expect(guardduty!.sampleMatches['guardduty:c2-activity']).toBe(true);
    expect(guardduty!.sampleMatches['securityhub-v1:guardduty-credential-exfiltration']).toBe(false);

    // Schedule-only rules get no samples at all.
    expect(nightly!.eventPattern).toBeUndefined();
    expect(nightly!.sampleMatches).toEqual({});
    expect(tested).toHaveLength(HEALTH_RISK_EVENT_CODES.length + ROUTING_SAMPLES.length);
  });

  it('sends patterns with operators in `source` to TestEventPattern', async () => {
    const prefixPattern = JSON.stringify({ source: [{ prefix: 'aws.' }] });
    events.on(ListEventBusesCommand).resolves({ EventBuses: [{ Name: 'default', Arn: busArn('default') }] });
    events.on(ListRulesCommand).resolves({ Rules: [{ Name: 'all-aws', Arn: ruleArn('default', 'all-aws'), State: 'ENABLED', EventPattern: prefixPattern }] });
    events.on(ListTargetsByRuleCommand).resolves({ Targets: [] });
    events.on(TestEventPatternCommand).resolves({ Result: true });

    const evidence = await collect(eventRules, testContext(REGION, ACCOUNT_ID, ALL_SAMPLES));

    expect(events.commandCalls(TestEventPatternCommand)).toHaveLength(ROUTING_SAMPLES.length);
    expect(Object.values(evidence.rules[0]!.sampleMatches).every(Boolean)).toBe(true);
  });

  it('tests only the samples the checks asked about, and records which those were', async () => {
    mockAccount();
    const asked = ['guardduty:c2-activity'];

    const evidence = await collect(eventRules, testContext(REGION, ACCOUNT_ID, asked));

    expect(evidence.samples).toEqual(asked);
    expect(events.commandCalls(TestEventPatternCommand).map((c) => c.args[0].input.EventPattern)).toEqual([GUARDDUTY_PATTERN]);
    expect(evidence.rules.map((r) => r.sampleMatches)).toEqual([{ 'guardduty:c2-activity': false }, {}, { 'guardduty:c2-activity': true }]);
  });

  it('tests other accounts\' events only for patterns that name an account field: named ones each, the rest once', async () => {
    const [member, stranger] = ['444455556666', '777788889999'];
    const byAccount = JSON.stringify({ source: ['aws.guardduty'], account: [member] });
    events.on(ListEventBusesCommand).resolves({ EventBuses: [{ Name: 'default', Arn: busArn('default') }] });
    events.on(ListRulesCommand).resolves({ Rules: [
      { Name: 'members', Arn: ruleArn('default', 'members'), State: 'ENABLED', EventPattern: byAccount },
      { Name: 'all', Arn: ruleArn('default', 'all'), State: 'ENABLED', EventPattern: GUARDDUTY_PATTERN },
    ] });
    events.on(ListTargetsByRuleCommand).resolves({ Targets: [] });
    events.on(TestEventPatternCommand).callsFake((input: { EventPattern: string; Event: string }) => {
      const pattern = JSON.parse(input.EventPattern) as { account?: string[] };
      const event = JSON.parse(input.Event) as { account: string; source: string };
      return { Result: event.source === 'aws.guardduty' && (!pattern.account || pattern.account.includes(event.account)) };
    });

    const evidence = await collect(eventRules, testContext(REGION, ACCOUNT_ID, ['guardduty:c2-activity'], [ACCOUNT_ID, member, stranger]));
    const [members, all] = evidence.rules;

    expect(all!.memberMatches).toBeUndefined();
    // The member named in the pattern gets its own verdicts; every other account shares '*'.
    expect(members!.memberMatches).toEqual({
      'guardduty:c2-activity': {
        [member]: { forwarded: true, delivered: false },
        '*': { forwarded: false, delivered: false },
      },
    });
    const delivered = events.commandCalls(TestEventPatternCommand).map((c) => JSON.parse(c.args[0].input.Event!) as { account: string; detail: { accountId: string } })
      .filter((e) => e.account === ACCOUNT_ID && e.detail.accountId === member);
    expect(delivered).toHaveLength(1);
  });

  it('tests every member for patterns with prefix-like operators on accounts', async () => {
    const members = ['444455556666', '777788889999'];
    const byPrefix = JSON.stringify({ source: ['aws.guardduty'], detail: { accountId: [{ prefix: '4444' }] } });
    events.on(ListEventBusesCommand).resolves({ EventBuses: [{ Name: 'default', Arn: busArn('default') }] });
    events.on(ListRulesCommand).resolves({ Rules: [{ Name: 'prefix', Arn: ruleArn('default', 'prefix'), State: 'ENABLED', EventPattern: byPrefix }] });
    events.on(ListTargetsByRuleCommand).resolves({ Targets: [] });
    events.on(TestEventPatternCommand).resolves({ Result: false });

    const evidence = await collect(eventRules, testContext(REGION, ACCOUNT_ID, ['guardduty:c2-activity'], [ACCOUNT_ID, ...members]));

    expect(Object.keys(evidence.rules[0]!.memberMatches!['guardduty:c2-activity']!).sort()).toEqual(members);
  });

  it('refuses a sample it does not know', async () => {
    mockAccount();
    await expect(collect(eventRules, testContext(REGION, ACCOUNT_ID, ['guardduty:no-such-sample']))).rejects.toThrow(/unknown routing sample/);
  });

  it('lets AccessDenied propagate', async () => {
    events.on(ListEventBusesCommand).resolves({ EventBuses: [{ Name: 'default', Arn: busArn('default') }] });
    events.on(ListRulesCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(eventRules, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
