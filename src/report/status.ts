// The one ordering of statuses used to roll findings and accounts up into a single status.

import type { RequirementStatus } from '../contract/status.js';

/** Worst first: FAIL > ERROR > WARN > MANUAL > PASS = ATTESTED > NOT_APPLICABLE. */
const RANK: Record<RequirementStatus, number> = {
  FAIL: 6,
  ERROR: 5,
  WARN: 4,
  MANUAL: 3,
  PASS: 2,
  ATTESTED: 2,
  NOT_APPLICABLE: 1,
};

export function statusRank(status: RequirementStatus): number {
  return RANK[status];
}

/** The worst of the statuses, or undefined when there are none (nothing was evaluated). */
export function worstStatus<S extends RequirementStatus>(statuses: Iterable<S>): S | undefined {
  let worst: S | undefined;
  for (const status of statuses) {
    if (worst === undefined || RANK[status] > RANK[worst]) worst = status;
  }
  return worst;
}

/** Shown where no result was recorded at all (e.g. an account the scan never reached). */
export const NOT_EVALUATED = 'NOT_EVALUATED';
