// Amazon EventBridge datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import type { DatasetQuestions } from '../../contract/check.js';
import { defineDataset } from '../../contract/dataset.js';
import type { RoutingSampleId } from './samples/index.js';

export interface EventBusInfo {
  name: string;
  arn: string;
}

export interface EventRuleTarget {
  id: string;
  arn: string;
}

/** Stands for every scanned account the rule's pattern does not name: they all get the same verdicts. */
export const ANY_OTHER_ACCOUNT = '*';

/** TestEventPattern's verdicts on another account's event: forwarded from it, or delivered by AWS to this central account. */
export interface MemberVerdict {
  forwarded: boolean;
  /** For events AWS also delivers to a central account (GuardDuty or Security Hub administrator, Health organizational view). */
  delivered?: boolean;
}

export interface EventRuleInfo {
  name: string;
  arn: string;
  busName: string;
  state: string;
  eventPattern?: string;
  targets: EventRuleTarget[];
  /**
   * sample id -> TestEventPattern's verdict, for every sample asked when the rule has a pattern (none
   * when it is schedule-only). Samples whose source a plain top-level `source` list excludes are not sent: false.
   */
  sampleMatches: Record<string, boolean>;
  /**
   * Only when the pattern names an account field (account, detail.accountId, affectedAccount, ...):
   * sample id → scanned account (or ANY_OTHER_ACCOUNT) → verdicts on that account's events here.
   */
  memberMatches?: Record<string, Record<string, MemberVerdict>>;
}

/** Every bus of the region and every rule on it, with TestEventPattern verdicts for the routing samples asked. */
export interface EventRulesEvidence {
  /** The sample ids the checks asked about at collection time. */
  samples: string[];
  buses: EventBusInfo[];
  rules: EventRuleInfo[];
}

export const eventRules = defineDataset<EventRulesEvidence>({
  id: 'eventbridge.rules',
  scope: 'regional',
  actions: ['events:ListEventBuses', 'events:ListRules', 'events:ListTargetsByRule', 'events:TestEventPattern'],
  answered: (data) => data.samples,
});

/** A check's question to the rules dataset: which rules match these sample events. */
export function askRouting(samples: readonly RoutingSampleId[]): DatasetQuestions {
  return { dataset: eventRules, questions: samples };
}

/** An API destination: where EventBridge sends events over HTTPS. Only the endpoint's host is kept (its path and query may carry tokens). */
export interface ApiDestination {
  name: string;
  arn: string;
  /** ACTIVE or INACTIVE. */
  state?: string;
  endpointHost?: string;
}

export interface ApiDestinationsEvidence {
  destinations: ApiDestination[];
}

export const apiDestinations = defineDataset<ApiDestinationsEvidence>({
  id: 'eventbridge.apiDestinations',
  scope: 'regional',
  actions: ['events:ListApiDestinations'],
});
