// How many accounts a scan works on at once. A fixed number is either too few (accounts waiting on
// IAM's credential report or on throttling backoff leave the request slots idle) or too many (memory,
// and accounts queueing for the same slots). Instead a new account starts while fewer requests wait
// for a slot than the global in-flight cap holds, at most `startsPerSecond` a second (each start is
// an sts:AssumeRole, and STS meters the caller's account) and at most `maxAccounts` at once.
// Waiting for the slots to empty first left them idle: a new account takes a round trip or two
// (AssumeRole, its first calls) before it asks for anything, and one cap's worth of queue drains in
// about that time (measured: the scan's requests ebbed to a handful every second or two).
// An account left waiting only on a slow dataset (IAM's credential report) parks: it asks for no
// slot, so it stops counting against `maxAccounts`, up to `maxParked` such accounts beside them.

export interface AccountSchedule {
  /** Upper bound on accounts at work at once (`concurrency.accounts`, or the automatic bound). */
  maxAccounts: number;
  /** Parked accounts held beyond `maxAccounts` (0: a parked account still counts against it). */
  maxParked: number;
  /** Requests in flight or waiting for a slot under the global cap, and the cap. */
  load(): { demand: number; capacity: number };
  startsPerSecond: number;
  now?: () => number;
}

const LOOK_MS = 10;

/** Called by a scan once it only waits on slow datasets; later calls do nothing. */
export type Park = () => void;

/**
 * Runs `scan` for every item, starting each when the schedule allows, and resolves with the results
 * in the items' order. Rejects on the first failure (the others keep running, as with Promise.all).
 */
export function scheduleAccounts<T, R>(items: readonly T[], scan: (item: T, index: number, park: Park) => Promise<R>, schedule: AccountSchedule): Promise<R[]> {
  const now = schedule.now ?? Date.now;
  const results: R[] = new Array<R>(items.length);
  const gapMs = 1000 / schedule.startsPerSecond;
  let next = 0;
  let active = 0;
  let parked = 0;
  let lastStart = -Infinity;

  return new Promise<R[]>((resolve, reject) => {
    // Looks again even when no account finished in between: once the last account's first burst
    // of requests (about 150) has drained below the mark, or its start gap is over. A look once per
    // gap came up to a gap late, and left the slots idle between starts.
    const timer = setInterval(() => pump(), LOOK_MS);
    const room = (): boolean => {
      const { demand, capacity } = schedule.load();
      const waiting = demand - capacity;
      return waiting < capacity && now() - lastStart >= gapMs;
    };
    const start = (index: number): void => {
      active += 1;
      lastStart = now();
      let isParked = false;
      const park: Park = () => {
        if (isParked) return;
        isParked = true;
        active -= 1;
        parked += 1;
        pump();
      };
      scan(items[index] as T, index, park).then(
        (result) => {
          results[index] = result;
          if (isParked) parked -= 1;
          else active -= 1;
          pump();
        },
        (error: unknown) => {
          clearInterval(timer);
          reject(error);
        },
      );
    };
    const underBounds = (): boolean => active < schedule.maxAccounts && active + parked < schedule.maxAccounts + schedule.maxParked;
    function pump(): void {
      // One start per look: the account just started has not asked for anything yet.
      if (next < items.length && underBounds() && (active + parked === 0 || room())) start(next++);
      if (next === items.length && active + parked === 0) {
        clearInterval(timer);
        resolve(results);
      }
    }
    pump();
  });
}
