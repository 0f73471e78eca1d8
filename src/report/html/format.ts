// Small text formatters shared by the HTML and Markdown reports.

/** `2026-11-23T12:14:55.123Z` → `2026-11-23 12:14:55 UTC`; anything unparsable is returned as given. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return 'not recorded';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Whole minutes and seconds between two ISO times, or '' when either is missing. */
export function formatDuration(startIso: string, endIso: string | undefined): string {
  if (!endIso) return '';
  const ms = new Date(endIso).getTime() - new Date(startIso).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '';
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** The first `limit` items joined, with "and N more" when there are more. */
export function listSome(items: string[], limit: number): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
