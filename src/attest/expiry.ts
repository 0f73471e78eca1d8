const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only `expires` is valid through the end of that day (UTC); no `expires` never expires. */
export function isExpired(expires: string | undefined, now: Date): boolean {
  return expires !== undefined && now.getTime() >= endOf(expires);
}

function endOf(expires: string): number {
  return Date.parse(expires) + (DATE_ONLY.test(expires) ? DAY_MS : 0);
}

/** Whole days until `expires` runs out (a date-only one at the end of its day); zero or less once expired. */
export function daysLeft(expires: string, now: Date): number {
  return Math.ceil((endOf(expires) - now.getTime()) / DAY_MS);
}

/** Statements and exceptions this close to expiry are flagged in reports and drift summaries. */
export const EXPIRY_WARNING_DAYS = 30;
