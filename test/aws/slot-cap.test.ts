// The per-service cap of a binding (src/aws/slot-cap.ts): at most `max` runs at once, in the order
// asked, and a failing run gives its slot back.

import { describe, expect, it } from 'vitest';
import { SlotCap } from '../../src/aws/slot-cap.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred() {
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe('SlotCap', () => {
  it.each([1, 2, 4])('never runs more than %i at once, and runs them all', async (max) => {
    const cap = new SlotCap(max);
    let running = 0;
    let most = 0;
    const runs = Array.from({ length: 12 }, (_, i) =>
      cap.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        running -= 1;
        return i;
      }),
    );
    expect(await Promise.all(runs)).toEqual([...Array(12).keys()]);
    expect(most).toBe(max);
  });

  it('starts waiting runs in the order they asked, before any that ask later', async () => {
    const cap = new SlotCap(1);
    const started: string[] = [];
    const first = deferred();
    const runs = [cap.run(async () => (started.push('a'), first.promise)), cap.run(async () => void started.push('b')), cap.run(async () => void started.push('c'))];
    await tick();
    first.resolve();
    runs.push(cap.run(async () => void started.push('d')));
    await Promise.all(runs);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('boom'))],
    ['throws before its promise', () => { throw new Error('boom'); }],
  ])('gives the slot back when a run %s', async (_, failing) => {
    const cap = new SlotCap(1);
    await expect(cap.run(failing as () => Promise<void>)).rejects.toThrow('boom');
    await expect(cap.run(async () => 'next')).resolves.toBe('next');
  });
});
