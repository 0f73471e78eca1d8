// Scan progress on stderr: a live single line on a terminal, a plain heartbeat line every 15 s
// otherwise, nothing when quiet. It listens to the scanner's events; the scanner never prints.

import { Chalk, chalkStderr, type ChalkInstance } from '../vendor/chalk.js';
import { isRegionAnswer } from '../collect/account-outcome.js';
import type { ScanEvents } from '../collect/events.js';
import { seconds } from '../aws/endpoint-watch.js';
import type { CallCounts, ManifestAccount } from '../snapshot/manifest.js';
import { colorChoice } from './terminal.js';

export interface ProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Defaults to whether the stream is a terminal. */
  live?: boolean;
  heartbeatMs?: number;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

export interface Progress extends ScanEvents {
  /** Stops the timer and leaves the terminal line clean. */
  stop(): void;
}

export interface ProgressState {
  accounts: number;
  accountsDone: number;
  regions: number;
  regionsDone: number;
  /** Datasets that failed for a reason other than an SCP denial or a disabled region. */
  errors: number;
  calls: CallCounts;
  elapsedMs: number;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** `2/5 accounts · 14/30 regions · 12.5 req/s · 3 throttles · 1 errors · ETA 1m05s` */
export function formatProgress(state: ProgressState, color: ChalkInstance = new Chalk({ level: 0 })): string {
  const rate = state.elapsedMs > 0 ? (state.calls.requests * 1000) / state.elapsedMs : 0;
  const eta =
    state.accountsDone > 0 && state.accountsDone < state.accounts
      ? duration((state.elapsedMs / state.accountsDone) * (state.accounts - state.accountsDone))
      : '?';
  const parts = [
    `${state.accountsDone}/${state.accounts} accounts`,
    `${state.regionsDone}/${state.regions} regions`,
    `${rate.toFixed(1)} req/s`,
    (state.calls.throttles ? color.yellow : String)(`${state.calls.throttles} throttles`),
    (state.errors ? color.red : String)(`${state.errors} errors`),
    `ETA ${state.accountsDone >= state.accounts ? '0s' : eta}`,
  ];
  return parts.join(color.dim(' · '));
}

/** The end-of-run line: `3 accounts (1 partial, 1 error) · 812 requests · 9 retries · 2 throttles · 4 errors` */
export function formatScanSummary(accounts: readonly ManifestAccount[], totals: CallCounts): string {
  const count = (status: ManifestAccount['status']) => accounts.filter((a) => a.status === status).length;
  const notes = [
    count('PARTIAL') ? `${count('PARTIAL')} partial` : undefined,
    count('ERROR') ? `${count('ERROR')} error` : undefined,
    count('PENDING') ? `${count('PENDING')} not finished` : undefined,
  ].filter((n) => n !== undefined);
  const head = `${accounts.length} account${accounts.length === 1 ? '' : 's'}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  const calls = (['requests', 'retries', 'throttles', 'errors'] as const).map((k) => `${totals[k]} ${k}`);
  return [head, ...calls].join(' · ');
}

const QUIET: Progress = { stop: () => undefined };

export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return QUIET;
  const stream = options.stream ?? process.stderr;
  const live = options.live ?? stream.isTTY === true;
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const color = live && colorChoice(process.argv, env) !== 'off' ? chalkStderr : new Chalk({ level: 0 });
  const state = { accounts: 0, accountsDone: 0, regions: 0, regionsDone: 0, errors: 0 };
  // Nothing is shown until collection starts: a replayed snapshot never starts it.
  let started = 0;
  let calls = (): CallCounts => ({ requests: 0, retries: 0, throttles: 0, errors: 0 });
  let timer: NodeJS.Timeout | undefined;
  const snapshot = (): ProgressState => ({ ...state, calls: calls(), elapsedMs: now() - started });
  const render = (): void => {
    const line = formatProgress(snapshot(), color);
    stream.write(live ? `\r\x1b[2K${line}` : `partner-audit: ${line}\n`);
  };
  /** A line of its own, above the live progress line. */
  const tell = (text: string): void => {
    stream.write(`${live ? '\r\x1b[2K' : ''}partner-audit: ${text}\n`);
  };

  return {
    scanStarted: (info) => {
      state.accounts = info.accounts;
      calls = info.calls;
      started = now();
      timer = setInterval(render, live ? 250 : (options.heartbeatMs ?? 15_000));
      timer.unref();
    },
    regionsPlanned: (_account, regions) => {
      state.regions += regions;
    },
    regionFinished: () => {
      state.regionsDone += 1;
    },
    datasetFinished: (record) => {
      if (!record.ok && !isRegionAnswer(record)) state.errors += 1;
    },
    accountFinished: () => {
      state.accountsDone += 1;
    },
    endpointStalled: (event) => {
      tell(color.yellow(`${event.host} stopped answering (no response for ${seconds(event.quietMs)} s while ${event.waiting} call${event.waiting === 1 ? '' : 's'} waited): its calls fail until it answers again`));
    },
    endpointRecovered: (host) => {
      tell(`${host} answers again`);
    },
    deadlineReached: (at) => {
      tell(color.yellow(`deadline reached (${at}): calls in flight fail, unfinished accounts end PARTIAL; scan --resume finishes them`));
    },
    stop: () => {
      if (!timer) return;
      clearInterval(timer);
      if (live) stream.write('\r\x1b[2K');
    },
  };
}
