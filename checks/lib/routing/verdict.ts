// A candidate outcome of one routing path, and how the paths of a check are weighed.

import type { Outcome } from '../../../src/contract/check.js';
import type { FindingStatus } from '../../../src/contract/status.js';
import { describeRoutes, routingEvidence, type SampleRouting } from './routes.js';

export interface Verdict<M extends string> {
  status: FindingStatus;
  messageId: M;
  params: Record<string, string | number>;
  evidence?: Record<string, unknown>;
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
  if (routing.status === 'routed') return { status: 'PASS', messageId: routed, params: withRoutes, evidence };
  if (routing.status === 'error') return { status: 'ERROR', messageId: 'forwardError', params: withRoutes, evidence };
  if (routing.status === 'unverified') return { status: 'WARN', messageId: 'forwardedUnverified', params: withRoutes, evidence };
  return undefined;
}

export function toOutcome<M extends string>(verdict: Verdict<M>, resource: string, evidence: Record<string, unknown>): Outcome<M> {
  return {
    status: verdict.status,
    messageId: verdict.messageId,
    params: verdict.params,
    resource,
    evidence: { ...evidence, ...verdict.evidence },
  };
}
