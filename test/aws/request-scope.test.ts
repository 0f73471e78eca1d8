import { describe, expect, test } from 'vitest';
import type { RequestLog } from '../../src/aws/request-log.js';
import { collecting, currentScope, withinScope } from '../../src/aws/request-scope.js';

const log = (name: string): RequestLog => ({ name }) as unknown as RequestLog;

function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the request scope ends with the last collection', () => {
  test('a collection still in flight keeps its scope when another one ends', async () => {
    const second = gate();
    const longer = collecting(() =>
      withinScope({ log: log('longer') }, async () => {
        await second.opened;
        return currentScope()?.log;
      }),
    );
    await collecting(() => withinScope({ log: log('shorter') }, async () => currentScope()?.log));
    second.open();
    expect(await longer).toEqual({ name: 'longer' });
  });

  test('after the last collection the storage is off, and the next scope turns it on again', async () => {
    const late = gate();
    let seenLate: RequestLog | undefined | 'unset' = 'unset';
    // Work started in a scope that outlives every collection no longer sees it: the storage is off.
    const straggler = withinScope({ log: log('straggler') }, async () => {
      await late.opened;
      seenLate = currentScope()?.log;
    });
    await collecting(async () => undefined);
    late.open();
    await straggler;
    expect(seenLate).toBeUndefined();
    expect(await withinScope({ log: log('next') }, async () => currentScope()?.log)).toEqual({ name: 'next' });
  });
});
