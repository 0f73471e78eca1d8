// Whole-day arithmetic against the engine's `now` (checks never read the clock).

export const DAY_MS = 86_400_000;

/** Whole days from `iso` to `now` (negative when `iso` is in the future). */
export function daysSince(now: Date, iso: string): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

/** Whole days from `now` to `iso` (negative once `iso` has passed). */
export function daysUntil(now: Date, iso: string): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / DAY_MS);
}

/** ISO 8601 of the same instant `months` calendar months before `now` ("within 12 months"). */
export function monthsBefore(now: Date, months: number): string {
  const then = new Date(now);
  then.setUTCMonth(then.getUTCMonth() - months);
  return then.toISOString();
}
