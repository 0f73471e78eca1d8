// "Did you mean ...?" for ids and config keys.

/** The candidate nearest to `wanted` by edit distance (case-insensitive), if within `maxDistance`. */
export function closestId(wanted: string, candidates: readonly string[], maxDistance = Infinity): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of candidates) {
    const distance = editDistance(wanted.toLowerCase(), id.toLowerCase());
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
