// The account schedule: accounts start while the request slots have room, within the bounds.

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { scheduleAccounts, type AccountSchedule } from '../../src/collect/account-scheduler.js';

function schedule(overrides: Partial<AccountSchedule> = {}): AccountSchedule {
  return { maxAccounts: 100, maxParked: 0, startsPerSecond: 1000, load: () => ({ demand: 0, capacity: 8 }), ...overrides };
}

/** A scan that takes `ms` and records how many ran at once. */
function tracked(ms: number) {
  let active = 0;
  let peak = 0;
  const scan = async (n: number): Promise<number> => {
    active += 1;
    peak = Math.max(peak, active);
    await sleep(ms);
    active -= 1;
    return n * 10;
  };
  return { scan, peak: () => peak };
}

describe('scheduleAccounts', () => {
  it('scans every account and keeps the targets\' order in the results', async () => {
    const { scan } = tracked(5);
    await expect(scheduleAccounts([1, 2, 3, 4], scan, schedule())).resolves.toEqual([10, 20, 30, 40]);
  });

  it('starts more accounts while the request slots have room, up to the bound', async () => {
    const { scan, peak } = tracked(100);
    await scheduleAccounts([1, 2, 3, 4, 5, 6], scan, schedule({ maxAccounts: 4 }));
    expect(peak()).toBe(4);
  });

  it('starts a second account while fewer requests wait for a slot than the cap holds', async () => {
    const { scan, peak } = tracked(100);
    await scheduleAccounts([1, 2, 3], scan, schedule({ load: () => ({ demand: 15, capacity: 8 }) }));
    expect(peak()).toBe(3);
  });

  it('starts no second account while a full cap of requests waits for a slot', async () => {
    const { scan, peak } = tracked(30);
    await scheduleAccounts([1, 2, 3], scan, schedule({ load: () => ({ demand: 16, capacity: 8 }) }));
    expect(peak()).toBe(1);
  });

  it('starts accounts no faster than the start rate, without waiting for earlier ones to finish', async () => {
    // Each scan holds until all three have started (or 5 s pass), so a scheduler that waited for
    // the first account to finish shows up as a timeout, whatever the machine's timer lag.
    const starts: number[] = [];
    let releaseAll = (): void => {};
    const allStarted = new Promise<void>((resolve) => (releaseAll = resolve));
    let timedOut = 0;
    const scan = async (): Promise<void> => {
      starts.push(performance.now());
      if (starts.length === 3) releaseAll();
      let timer: NodeJS.Timeout | undefined;
      const released = await Promise.race([allStarted.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(resolve, 5000, false)))]);
      clearTimeout(timer);
      if (!released) timedOut += 1;
    };
    await scheduleAccounts([1, 2, 3], scan, schedule({ startsPerSecond: 20 }));
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    expect(gaps.every((gap) => gap >= 45)).toBe(true);
    expect(timedOut).toBe(0);
  });

  it('starts the next account soon after the last one\'s first burst drains, not a start gap later', async () => {
    // Each new account asks for about 150 requests at once: for 130 ms no other may start.
    const starts: number[] = [];
    const load = () => ({ demand: performance.now() - (starts.at(-1) ?? 0) < 130 ? 200 : 0, capacity: 64 });
    const scan = async (): Promise<void> => {
      starts.push(performance.now());
      await sleep(1500);
    };
    await scheduleAccounts([1, 2, 3, 4, 5, 6, 7], scan, schedule({ startsPerSecond: 10, load }));
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    // A look once per start gap (100 ms) started them 200 ms apart.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(129);
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeLessThan(170);
  });

  it('fails with the first account that fails', async () => {
    const scan = async (n: number): Promise<number> => {
      if (n === 2) throw new Error('saving account 2 failed');
      return n;
    };
    await expect(scheduleAccounts([1, 2, 3], scan, schedule())).rejects.toThrow('saving account 2 failed');
  });

  it('resolves at once with no account', async () => {
    await expect(scheduleAccounts([], async () => 1, schedule())).resolves.toEqual([]);
  });

  it('a parked account makes room for another account at work, up to maxParked beside maxAccounts', async () => {
    const running = { atWork: 0, parked: 0, peakAtWork: 0, peakAll: 0 };
    const scan = async (n: number, _index: number, park: () => void): Promise<number> => {
      running.atWork += 1;
      running.peakAtWork = Math.max(running.peakAtWork, running.atWork);
      running.peakAll = Math.max(running.peakAll, running.atWork + running.parked);
      await sleep(5);
      running.atWork -= 1;
      running.parked += 1;
      park();
      park(); // a second call changes nothing
      await sleep(40);
      running.parked -= 1;
      return n;
    };
    await expect(scheduleAccounts([1, 2, 3, 4, 5, 6, 7, 8], scan, schedule({ maxAccounts: 2, maxParked: 3 }))).resolves.toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(running.peakAtWork).toBe(2);
    expect(running.peakAll).toBe(5);
  });

  it('with maxParked 0 a parked account still counts against maxAccounts', async () => {
    let running = 0;
    let peak = 0;
    const scan = async (n: number, _index: number, park: () => void): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      park();
      await sleep(10);
      running -= 1;
      return n;
    };
    await scheduleAccounts([1, 2, 3, 4, 5], scan, schedule({ maxAccounts: 2 }));
    expect(peak).toBe(2);
  });
});
