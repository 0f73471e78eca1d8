// The event a route carries: its sample and the identity it has on the bus being judged, and what
// TestEventPattern said of it there (recorded by the eventbridge collector).

import { ANY_OTHER_ACCOUNT, type EventRuleInfo } from '../../../src/datasets/eventbridge/datasets.js';
import type { RoutingSampleId } from '../../../src/datasets/eventbridge/samples/index.js';

export interface RoutedEvent {
  sample: RoutingSampleId;
  /** The top-level `account` field. */
  account: string;
  /** The account the event is about (the GuardDuty finding's, the Health event's affected account). */
  subject: string;
  /** Cross-account forwards so far: EventBridge does not forward an event it received from another account again. */
  crossings: number;
}

/** An account's own event in its own bus. */
export function ownEvent(sample: RoutingSampleId, accountId: string): RoutedEvent {
  return { sample, account: accountId, subject: accountId, crossings: 0 };
}

/** A member's event as AWS delivers it to a central account (administrator, organizational view). */
export function deliveredEvent(sample: RoutingSampleId, member: string, central: string): RoutedEvent {
  return { sample, account: central, subject: member, crossings: 0 };
}

/**
 * Whether `rule` (owned by `owner`) matches the event: true, false, or undefined when the pattern
 * filters on accounts and this identity was not tested at collection time.
 */
export function ruleMatches(rule: EventRuleInfo, owner: string, event: RoutedEvent): boolean | undefined {
  const own = event.account === owner && event.subject === owner;
  if (own || !rule.memberMatches) return rule.sampleMatches[event.sample] === true;
  const verdicts = rule.memberMatches[event.sample];
  if (!verdicts) return false;
  const verdict = verdicts[event.subject] ?? verdicts[ANY_OTHER_ACCOUNT];
  if (event.account === event.subject) return verdict?.forwarded;
  if (event.account === owner) return verdict?.delivered;
  return undefined;
}
