// TestEventPattern's verdicts for one rule: for the bus owner's own events, and, when the pattern
// names an account field, for each scanned account's events as they can arrive on this bus —
// forwarded from that account (identity unchanged) or delivered by AWS to this central account.
// Accounts the pattern does not name share one verdict, under the key ANY_OTHER_ACCOUNT.

import type * as SdkEventbridge from '@aws-sdk/client-eventbridge';
import type { CollectContext } from '../../contract/collector.js';
import { required } from '../sdk.js';
import { ANY_OTHER_ACCOUNT, type MemberVerdict } from './datasets.js';
import { identityUse, plainSources } from './pattern.js';
import { deliveredIdentity, ownIdentity, sampleEvent, type EventIdentity, type RoutingSample } from './samples/index.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { EventBridgeClient, TestEventPatternCommand } = sdkModule<typeof SdkEventbridge>('@aws-sdk/client-eventbridge');

async function matches(ctx: CollectContext, pattern: string, sample: RoutingSample, who: EventIdentity): Promise<boolean> {
  const event = sampleEvent(sample, who);
  const { Result } = await ctx.clients.get(EventBridgeClient).send(new TestEventPatternCommand({ EventPattern: pattern, Event: event }));
  return required(Result, 'TestEventPattern.Result');
}

/** The samples a pattern could match: a plain `source` list rules the others out without a call. */
function candidates(samples: readonly RoutingSample[], pattern: string): RoutingSample[] {
  const sources = plainSources(pattern);
  return sources === undefined ? [...samples] : samples.filter((s) => sources.includes(s.source));
}

export async function ownMatches(ctx: CollectContext, samples: readonly RoutingSample[], pattern: string): Promise<Record<string, boolean>> {
  const tested = candidates(samples, pattern);
  const verdicts = await Promise.all(tested.map((s) => matches(ctx, pattern, s, ownIdentity(ctx.accountId, ctx.region))));
  return Object.fromEntries(samples.map((s) => [s.id, verdicts[tested.indexOf(s)] ?? false]));
}

/** A twelve-digit account ID the pattern does not mention, standing for every account it does not name. */
function stranger(pattern: string): string {
  let n = 0;
  while (pattern.includes(String(n).padStart(12, '0'))) n += 1;
  return String(n).padStart(12, '0');
}

async function memberVerdict(ctx: CollectContext, pattern: string, sample: RoutingSample, member: string): Promise<MemberVerdict> {
  const forwarded = await matches(ctx, pattern, sample, ownIdentity(member, ctx.region));
  if (!sample.deliveredToCentral) return { forwarded };
  const delivered = await matches(ctx, pattern, sample, deliveredIdentity(member, ctx.accountId, ctx.region));
  return { forwarded, delivered };
}

/** Verdicts per sample and account for the events of other accounts; undefined when the pattern names no account field. */
export async function memberMatches(
  ctx: CollectContext,
  samples: readonly RoutingSample[],
  pattern: string,
): Promise<Record<string, Record<string, MemberVerdict>> | undefined> {
  const use = identityUse(pattern);
  if (!use.namesIdentity) return undefined;
  const others = ctx.scannedAccounts.filter((a) => a !== ctx.accountId);
  const named = use.unnamedAlike ? others.filter((a) => pattern.includes(a)) : others;
  const members: [string, string][] = named.map((a) => [a, a]);
  if (use.unnamedAlike) members.push([ANY_OTHER_ACCOUNT, stranger(pattern)]);
  const tested = candidates(samples, pattern);
  const entries = await Promise.all(
    tested.map(async (sample) => {
      const verdicts = await Promise.all(members.map(async ([key, account]) => [key, await memberVerdict(ctx, pattern, sample, account)] as const));
      return [sample.id, Object.fromEntries(verdicts)] as const;
    }),
  );
  return Object.fromEntries(entries);
}
