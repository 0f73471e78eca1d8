// A candidate outcome of one routing path, and how the paths of a check are weighed.

import type { Outcome } from '../../../src/contract/check.js';
import type { FindingStatus } from '../../../src/contract/status.js';
import { ticketingReached, type TicketingLookup } from '../ticketing.js';
import { describeRoutes, reachedTargets, routingEvidence, type SampleRouting } from './routes.js';

export interface Verdict<M extends string> {
  status: FindingStatus;
  messageId: M;
  params: Record<string, string | number>;
  evidence?: Record<string, unknown>;
  /** The ARNs the deciding routes deliver to, whose ticketing integration the finding names. */
  targets?: string[];
}

/**
 * A path that delivers wins. Otherwise an unreadable path outranks an unverified one, because
 * fixing the read could still prove delivery; FAIL only when no path is left.
 */
const PRECEDENCE: FindingStatus[] = ['PASS', 'ERROR', 'WARN', 'FAIL', 'NOT_APPLICABLE'];

export function decide<M extends string>(candidates: (Verdict<M> | undefined)[], fallback: Verdict<M>): Verdict<M> {
  const present = candidates.filter((c): c is Verdict<M> => c !== undefined);
  return [...present].sort((a, b) => PRECEDENCE.indexOf(a.status) - PRECEDENCE.indexOf(b.status))[0] ?? fallback;
}

export const FORWARD_MESSAGES = {
  forwardError: 'A matching rule forwards the event to another event bus whose rules could not be read: {routes}.',
  forwardedUnverified: 'A rule may route the event, but it could not be verified: {routes}.',
} as const;

/** The verdict of one routing path: `routed` names its message; forwarding outcomes share theirs. */
export function routingVerdict<M extends string>(
  routing: SampleRouting,
  routed: M,
  params: Record<string, string | number>,
): Verdict<M | keyof typeof FORWARD_MESSAGES> | undefined {
  const withRoutes = { ...params, routes: describeRoutes(routing) };
  const evidence = { decidingPath: routingEvidence([routing]) };
  if (routing.status === 'routed') return { status: 'PASS', messageId: routed, params: withRoutes, evidence, targets: reachedTargets(routing) };
  if (routing.status === 'error') return { status: 'ERROR', messageId: 'forwardError', params: withRoutes, evidence };
  if (routing.status === 'unverified') return { status: 'WARN', messageId: 'forwardedUnverified', params: withRoutes, evidence };
  return undefined;
}

/**
 * The finding of a verdict. Its `{ticketing}` parameter names the ticketing integrations the
 * verdict's targets reach (SECOPS-006), empty when none is one; the evidence lists what each reaches.
 */
export function toOutcome<M extends string>(verdict: Verdict<M>, resource: string, evidence: Record<string, unknown>, lookup: TicketingLookup): Outcome<M> {
  const { integrations, systems } = ticketingReached(verdict.targets ?? [], lookup);
  return {
    status: verdict.status,
    messageId: verdict.messageId,
    params: { ...verdict.params, ticketing: systems.length > 0 ? `; it reaches ${systems.join('; ')}` : '' },
    resource,
    evidence: { ...evidence, ...verdict.evidence, ...(integrations.length > 0 && { ticketing: integrations }) },
  };
}
