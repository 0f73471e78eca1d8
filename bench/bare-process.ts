// The bare-SDK yardstick in a process of its own, started with the same executable as the scan
// process (`--scan-node`): when the scan runs inside a container-sized memory cgroup, the bare SDK
// calls it is compared with run under the same limit, so V8 sizes both heaps alike.

import { fork } from 'node:child_process';
import { createBareSdk, type BareSdkOptions } from './bare-sdk.js';

export interface BareJob extends BareSdkOptions {
  seconds: number;
}

export interface BareWindow {
  seconds: number;
  /** User + system CPU time of the yardstick process during the measured window. */
  cpuMs: number;
  /** The yardstick process's peak resident set (getrusage maxRSS), warm-up included. */
  peakRssMb: number;
}

/** Unmeasured calls after the first call on each client, so the JIT is warm when the window opens. */
const WARM_MS = 1_000;

type ChildMessage = { warm: true } | { window: BareWindow };

/**
 * Parent side: starts the yardstick with `execPath`, calls `opened` once it is warm (the caller
 * resets the server's counters there) and resolves with the measured window.
 */
export function measureBareInChild(job: BareJob, execPath: string, opened: () => void): Promise<BareWindow> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), [JSON.stringify(job)], { stdio: 'inherit', execArgv: [], execPath });
    child.once('error', (err) => reject(new Error(`cannot start the bare-SDK process with ${execPath}: ${err.message}`)));
    child.once('exit', (code) => code === 0 || reject(new Error(`bare-SDK process exited (${code})`)));
    child.on('message', (message: ChildMessage) => {
      if ('warm' in message) {
        opened();
        child.send('go');
      } else resolve(message.window);
    });
  });
}

async function childMain(job: BareJob): Promise<void> {
  const bare = await createBareSdk(job);
  await bare.warmUp();
  await bare.run(WARM_MS);
  await new Promise<void>((go) => {
    process.once('message', () => go());
    process.send?.({ warm: true } satisfies ChildMessage);
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await bare.run(job.seconds * 1000);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  bare.destroy();
  const window: BareWindow = { seconds, cpuMs: (used.user + used.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.send?.({ window } satisfies ChildMessage, () => process.disconnect());
}

if (process.send && process.argv[2]) {
  childMain(JSON.parse(process.argv[2]) as BareJob).catch((err: unknown) => {
    console.error(`bare SDK: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
