import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createProgress, formatProgress, formatScanSummary } from '../../src/cli/progress.js';
import type { DatasetRecord } from '../../src/contract/record.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, chunks };
}

const calls = () => ({ requests: 120, retries: 4, throttles: 3, errors: 1 });
const failed = (kind: 'access-denied' | 'scp-denied'): DatasetRecord => ({
  accountId: '111111111111', region: 'eu-west-1', collector: 'x', startedAt: '', finishedAt: '', requestIds: [],
  ok: false, error: { kind, code: 'AccessDenied', message: '' },
});

describe('progress', () => {
  test('formats accounts, regions, rate, throttles, errors and ETA', () => {
    const line = formatProgress({ accounts: 4, accountsDone: 1, regions: 30, regionsDone: 10, errors: 2, calls: calls(), elapsedMs: 10_000 });
    expect(line).toBe('1/4 accounts · 10/30 regions · 12.0 req/s · 3 throttles · 2 errors · ETA 30s');
  });

  test('without a terminal: a plain heartbeat line; SCP answers are not counted as errors', async () => {
    const { stream, chunks } = sink(false);
    const p = createProgress({ stream, heartbeatMs: 10 });
    p.scanStarted?.({ accounts: 2, calls });
    p.regionsPlanned?.('111111111111', 3);
    p.regionFinished?.('111111111111', 'eu-west-1');
    p.datasetFinished?.(failed('access-denied'));
    p.datasetFinished?.(failed('scp-denied'));
    await new Promise((r) => setTimeout(r, 35));
    p.stop();
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks[0]).toMatch(/^partner-audit: 0\/2 accounts · 1\/3 regions · [\d.]+ req\/s · 3 throttles · 1 errors · ETA \?\n$/);
    expect(chunks.join('')).not.toContain('\x1b');
  });

  test('on a terminal: one line rewritten in place, cleared at the end; NO_COLOR gives plain text', async () => {
    const { stream, chunks } = sink(true);
    const p = createProgress({ stream, env: { NO_COLOR: '1' } });
    p.scanStarted?.({ accounts: 1, calls });
    await new Promise((r) => setTimeout(r, 300));
    p.stop();
    expect(chunks[0]).toMatch(/^\r\x1b\[2K0\/1 accounts/);
    expect(chunks.at(-1)).toBe('\r\x1b[2K');
    expect(chunks.join('').replace(/\r\x1b\[2K/g, '')).not.toContain('\x1b');
  });

  test('quiet prints nothing', async () => {
    const { stream, chunks } = sink(false);
    const p = createProgress({ stream, quiet: true, heartbeatMs: 5 });
    p.scanStarted?.({ accounts: 1, calls });
    await new Promise((r) => setTimeout(r, 20));
    p.stop();
    expect(chunks).toEqual([]);
  });
});

test('the end-of-run summary counts account outcomes and calls', () => {
  const account = (accountId: string, status: 'SCANNED' | 'PARTIAL' | 'ERROR') => ({ accountId, status, regions: [], skippedRegions: [], calls: {} });
  expect(formatScanSummary([account('1', 'SCANNED'), account('2', 'PARTIAL'), account('3', 'ERROR')], calls())).toBe(
    '3 accounts (1 partial, 1 error) · 120 requests · 4 retries · 3 throttles · 1 errors',
  );
  expect(formatScanSummary([account('1', 'SCANNED')], calls())).toMatch(/^1 account · /);
});
