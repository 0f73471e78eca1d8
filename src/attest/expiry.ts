import type { Attestation } from './schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only `expires` is valid through the end of that day (UTC). */
export function isExpired(attestation: Attestation, now: Date): boolean {
  if (attestation.expires === undefined) return false;
  const end = Date.parse(attestation.expires) + (DATE_ONLY.test(attestation.expires) ? DAY_MS : 0);
  return now.getTime() >= end;
}
