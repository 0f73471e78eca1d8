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
