// Which ticketing system an event target reaches, from the evidence of the account and region the
// target lives in: an API destination by the host of its endpoint, an SNS topic by its confirmed
// subscriptions, Systems Manager OpsCenter and Incident Manager by their ARNs. The routing checks
// (IAM-005, SECOPS-007/008/009) can name the integration their routes reach with ticketingSystemOf.

import type { DatasetView, OrgView } from '../../src/contract/check.js';
import { apiDestinations, type ApiDestination, type ApiDestinationsEvidence } from '../../src/datasets/eventbridge/datasets.js';
import { snsSubscriptions, type SnsSubscription, type SnsSubscriptionsEvidence } from '../../src/datasets/sns/datasets.js';
import { responsePlans, type ResponsePlansEvidence } from '../../src/datasets/ssm-incidents/datasets.js';

/**
 * - `ticketing`: a known ticketing or incident system;
 * - `email`: only email subscriptions;
 * - `unconfirmed`: an SNS topic without a confirmed subscription (none at all, or all awaiting confirmation);
 * - `unknown`: anything else (an unknown host, Lambda, SQS, evidence not scanned).
 */
export type TicketingKind = 'ticketing' | 'email' | 'unconfirmed' | 'unknown';

export interface TicketingIntegration {
  target: string;
  kind: TicketingKind;
  /** The system in words: `Jira (acme.atlassian.net) via API destination jira`. */
  system: string;
}

/** Hosts of ticketing and incident systems, matched by suffix. */
const SYSTEMS: [RegExp, string][] = [
  [/\.atlassian\.net$/, 'Jira'],
  [/(^|\.)service-now\.com$/, 'ServiceNow'],
  [/(^|\.)pagerduty\.com$/, 'PagerDuty'],
  [/(^|\.)opsgenie\.com$/, 'Opsgenie'],
  [/(^|\.)zendesk\.com$/, 'Zendesk'],
  [/(^|\.)freshservice\.com$/, 'Freshservice'],
  [/(^|\.)linear\.app$/, 'Linear'],
  [/(^|\.)victorops\.com$/, 'Splunk On-Call'],
  [/(^|\.)incident\.io$/, 'incident.io'],
];

/** The evidence of one account and region that names where its targets deliver; absent where it was not read. */
export interface TicketingEvidence {
  apiDestinations?: ApiDestination[];
  subscriptions?: SnsSubscription[];
  /** Incident Manager response plan ARNs (regionless: looked up with an empty region). */
  responsePlans?: string[];
}

export type TicketingLookup = (accountId: string, region: string) => TicketingEvidence;

const ARN = /^arn:[\w-]+:([\w-]+):([\w-]*):(\d{12}):(.+)$/;

export function systemOfHost(host: string | undefined): string | undefined {
  return host ? SYSTEMS.find(([pattern]) => pattern.test(host))?.[1] : undefined;
}

function viaApiDestination(target: string, evidence: TicketingEvidence): TicketingIntegration {
  const destination = evidence.apiDestinations?.find((d) => d.arn === target);
  if (!destination) return { target, kind: 'unknown', system: `API destination ${target} (not read)` };
  const system = systemOfHost(destination.endpointHost);
  const where = `${destination.endpointHost ?? 'no host'} via API destination ${destination.name}`;
  return system ? { target, kind: 'ticketing', system: `${system} (${where})` } : { target, kind: 'unknown', system: `an unknown endpoint (${where})` };
}

function viaTopic(target: string, evidence: TicketingEvidence): TicketingIntegration {
  if (!evidence.subscriptions) return { target, kind: 'unknown', system: `SNS topic ${target} (subscriptions not read)` };
  const subscriptions = evidence.subscriptions.filter((s) => s.topicArn === target);
  const confirmed = subscriptions.filter((s) => s.confirmed);
  const known = confirmed.find((s) => s.protocol === 'https' && systemOfHost(s.endpointHost));
  if (known) return { target, kind: 'ticketing', system: `${systemOfHost(known.endpointHost)} (${known.endpointHost} via SNS topic ${target})` };
  if (confirmed.length === 0) {
    return subscriptions.length > 0
      ? { target, kind: 'unconfirmed', system: `SNS topic ${target} (no confirmed subscription)` }
      : { target, kind: 'unconfirmed', system: `SNS topic ${target} (no subscription)` };
  }
  const endpoints = confirmed.map((s) => `${s.protocol}:${s.endpointHost ?? s.endpointArn ?? '?'}`).join(', ');
  const onlyEmail = confirmed.every((s) => s.protocol.startsWith('email'));
  return { target, kind: onlyEmail ? 'email' : 'unknown', system: `SNS topic ${target} (${endpoints})` };
}

/** The ticketing integration an event or alarm target reaches, judged with the evidence of the target's account and region. */
export function ticketingSystemOf(target: string, lookup: TicketingLookup): TicketingIntegration {
  const [, service, region = '', account = '', resource = ''] = ARN.exec(target) ?? [];
  if (service === 'ssm' && resource.startsWith('opsitem')) return { target, kind: 'ticketing', system: 'Systems Manager OpsCenter' };
  if (service === 'ssm-incidents' && resource.startsWith('response-plan/')) {
    const plans = lookup(account, region).responsePlans;
    if (plans && !plans.includes(target)) return { target, kind: 'unknown', system: `Incident Manager ${resource} (no such response plan)` };
    return { target, kind: 'ticketing', system: `Incident Manager (${resource})` };
  }
  if (service === 'events' && resource.startsWith('api-destination/')) return viaApiDestination(target, lookup(account, region));
  if (service === 'sns') return viaTopic(target, lookup(account, region));
  return { target, kind: 'unknown', system: service ? `${service} ${target}` : target };
}

interface LocalEvidence {
  accountId: string;
  region: string;
  /** This region's evidence; absent where it was not read. */
  destinations?: ApiDestinationsEvidence;
  subscriptions?: SnsSubscriptionsEvidence;
  responsePlans?: ResponsePlansEvidence;
  org: OrgView;
}

/**
 * A lookup over this region's evidence and, for targets elsewhere, the scanned accounts' (the check
 * declares eventbridge.apiDestinations and sns.subscriptions in readsOtherAccounts).
 */
export function ticketingLookup(local: LocalEvidence): TicketingLookup {
  const elsewhere = <T>(view: DatasetView<T> | undefined): T | undefined => (view?.ok ? view.data : undefined);
  return (accountId, region) => {
    // Response plan ARNs name no region: this region's list is the one asked.
    if (region === '') return accountId === local.accountId && local.responsePlans?.available ? { responsePlans: local.responsePlans.responsePlans.map((p) => p.arn) } : {};
    const here = accountId === local.accountId && region === local.region;
    const destinations = here ? local.destinations : elsewhere(local.org.dataset(apiDestinations, accountId, region));
    const subscriptions = here ? local.subscriptions : elsewhere(local.org.dataset(snsSubscriptions, accountId, region));
    return {
      ...(destinations && { apiDestinations: destinations.destinations }),
      ...(subscriptions && { subscriptions: subscriptions.subscriptions }),
    };
  };
}

/** The optional datasets a routing check reads to name the ticketing integration its routes reach. */
export const TICKETING_USES = { destinations: apiDestinations, subscriptions: snsSubscriptions, responsePlans } as const;
/** Targets in other accounts are judged with those accounts' evidence. */
export const TICKETING_OTHER_ACCOUNTS = [apiDestinations, snsSubscriptions];

interface RoutingCheckInput {
  accountId: string;
  region: string;
  org: OrgView;
  /** Absent in a snapshot taken before these datasets were collected. */
  optional: {
    destinations?: DatasetView<ApiDestinationsEvidence>;
    subscriptions?: DatasetView<SnsSubscriptionsEvidence>;
    responsePlans?: DatasetView<ResponsePlansEvidence>;
  };
}

/** The lookup of a routing check that declares TICKETING_USES among its optional uses. */
export function routingTicketingLookup(input: RoutingCheckInput): TicketingLookup {
  const { destinations, subscriptions, responsePlans: plans } = input.optional;
  return ticketingLookup({
    accountId: input.accountId,
    region: input.region,
    org: input.org,
    ...(destinations?.ok && { destinations: destinations.data }),
    ...(subscriptions?.ok && { subscriptions: subscriptions.data }),
    ...(plans?.ok && { responsePlans: plans.data }),
  });
}

/** What each target reaches, and the ticketing systems among them in words. */
export function ticketingReached(targets: string[], lookup: TicketingLookup): { integrations: TicketingIntegration[]; systems: string[] } {
  const integrations = [...new Set(targets)].map((target) => ticketingSystemOf(target, lookup));
  return { integrations, systems: [...new Set(integrations.filter((i) => i.kind === 'ticketing').map((i) => i.system))] };
}
