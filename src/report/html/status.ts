// Status vocabulary for the HTML and Markdown reports: one-letter codes for the embedded matrix,
// what each status means, and the "worst first" order legends, totals and sorts list statuses in
// (roll-ups use ../status.ts). Every report writes a status by its one name (FAIL … NOT_APPLICABLE).

import type { RequirementStatus } from '../../contract/status.js';

/** Worst first: the order statuses are listed in legends, totals and sorts. */
export const STATUS_ORDER: readonly RequirementStatus[] = [
  'FAIL',
  'ERROR',
  'WARN',
  'MANUAL',
  'ATTESTED',
  'PASS',
  'NOT_APPLICABLE',
];

export const STATUS_MEANING: Record<RequirementStatus, string> = {
  FAIL: 'checked and not met',
  ERROR: 'could not be checked (evidence missing or unreadable)',
  WARN: 'met with a caveat worth reviewing',
  MANUAL: 'needs the partner’s attestation, not yet given',
  ATTESTED: 'attested by the partner',
  PASS: 'checked and met',
  NOT_APPLICABLE: 'does not apply',
};

/** One character per status, so the matrix embeds as one short string per requirement. */
export const STATUS_CODE: Record<RequirementStatus, string> = {
  FAIL: 'F',
  ERROR: 'E',
  WARN: 'W',
  MANUAL: 'M',
  ATTESTED: 'A',
  PASS: 'P',
  NOT_APPLICABLE: 'N',
};

/** Code of a requirement × account pair that has no result at all. */
export const NO_RESULT_CODE = '.';

export function countStatuses(statuses: Iterable<RequirementStatus>): Map<RequirementStatus, number> {
  const counts = new Map<RequirementStatus, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return counts;
}
