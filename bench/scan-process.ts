// The whole scan in its own process, as `partner-audit scan --org --format json,html,markdown` runs
// it (src/run/scan.ts runScanPipeline: collect, evaluate, report, and with `--upload` the upload),
// so its peak RSS and CPU time are the scan's alone. No heap flag: the process runs with Node's defaults.

import { fork } from 'node:child_process';
import { ALL_CHECKS } from '../checks/index.js';
import { runScanPipeline } from '../src/run/scan.js';
import type { FindingSource } from '../src/contract/results.js';
import { heapLimitMb, watchLiveHeap, type LiveHeap } from './live-heap.js';

export interface ScanJob {
  outDir: string;
  externalId: string;
  /** `--accounts-in-parallel`; absent: the scan's default. */
  accountsInParallel?: number;
  /** Writes a V8 CPU profile of the scan process into this directory (`node --cpu-prof`). */
  cpuProfileDir?: string;
  /**
   * The executable that runs the scan process instead of this node: e.g. a wrapper that enters a
   * container-sized memory cgroup and then runs node (docs/performance.md).
   */
  scanNode?: string;
  /** `--upload`: the scan ends by uploading its run directory to this S3 location. */
  upload?: string;
  /**
   * `--live-heap`: watch the old generation after each full collection. Off by default: the
   * profiler's records cost a few MB of RSS where collections are frequent (a container).
   */
  liveHeap?: boolean;
}

export interface ScanFigures {
  wallMs: number;
  /** User + system CPU time of the scan process. */
  cpuMs: number;
  /** Until the collection finished (the scanner's scanFinished event); evaluation and reports follow. */
  collectWallMs: number;
  collectCpuMs: number;
  /** The process's peak resident set (getrusage maxRSS), start-up included. */
  peakRssMb: number;
  /** The same when the collection finished: tells whether collection or evaluation set the peak. */
  collectPeakRssMb: number;
  /** With `liveHeap`: the old generation after each full collection, in the collection and after it. */
  liveHeap?: { collection: LiveHeap; evaluation: LiveHeap };
  /** V8's heap size limit, which Node sets from the host's or the container's memory. */
  heapLimitMb: number;
  accounts: Record<string, number>;
  requests: number;
  retries: number;
  throttles: number;
  findings: number;
  errorFindings: number;
}

/** Parent side: runs the scan in a child process that inherits this process's environment. */
export function scanInChild(job: ScanJob): Promise<ScanFigures> {
  return new Promise((resolve, reject) => {
    const execArgv = job.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${job.cpuProfileDir}`] : [];
    const execPath = job.scanNode ?? process.execPath;
    const child = fork(new URL(import.meta.url), [JSON.stringify(job)], { stdio: 'inherit', execArgv, execPath });
    child.once('error', (err) => reject(new Error(`cannot start the scan process with ${execPath}: ${err.message}`)));
    child.once('message', (figures) => resolve(figures as ScanFigures));
    child.once('exit', (code) => code === 0 || reject(new Error(`scan process exited (${code})`)));
  });
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

async function childMain(job: ScanJob): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const cpuMs = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;
  const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
  const liveHeap = job.liveHeap ? watchLiveHeap() : undefined;
  let collected = { wallMs: 0, cpuMs: 0, peakRssMb: 0 };
  let collectionHeap: LiveHeap | undefined;
  const events = {
    scanFinished: () => {
      collected = { wallMs: performance.now() - started, cpuMs: cpuMs(process.cpuUsage(cpu)), peakRssMb: peakRssMb() };
      collectionHeap = liveHeap?.take();
    },
  };
  const outcome = await runScanPipeline(
    {
      out: job.outDir,
      format: 'json,html,markdown',
      org: true,
      externalId: job.externalId,
      ...(job.accountsInParallel ? { accountsInParallel: job.accountsInParallel } : {}),
      ...(job.upload ? { upload: job.upload } : {}),
    },
    ALL_CHECKS,
    events,
  );
  const wallMs = performance.now() - started;
  const evaluationHeap = liveHeap?.take();
  liveHeap?.stop();
  const heaps = collectionHeap && evaluationHeap ? { collection: collectionHeap, evaluation: evaluationHeap } : undefined;
  const { totals } = outcome.manifest;
  const figures: ScanFigures = {
    wallMs,
    cpuMs: cpuMs(process.cpuUsage(cpu)),
    collectWallMs: collected.wallMs,
    collectCpuMs: collected.cpuMs,
    peakRssMb: peakRssMb(),
    collectPeakRssMb: collected.peakRssMb,
    ...(heaps ? { liveHeap: heaps } : {}),
    heapLimitMb: heapLimitMb(),
    accounts: countBy(outcome.manifest.accounts, (a) => a.status),
    requests: totals.requests,
    retries: totals.retries,
    throttles: totals.throttles,
    findings: outcome.findings.count,
    errorFindings: await countErrors(outcome.findings),
  };
  process.send?.(figures, () => process.disconnect());
}

async function countErrors(findings: FindingSource): Promise<number> {
  let errors = 0;
  for await (const finding of findings.each()) if (finding.status === 'ERROR') errors += 1;
  return errors;
}

if (process.send && process.argv[2]) {
  childMain(JSON.parse(process.argv[2]) as ScanJob).catch((err: unknown) => {
    console.error(`scan: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
