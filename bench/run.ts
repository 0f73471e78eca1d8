// `npm run bench`: for each size (default 100 and 1,000 accounts × 4 regions) serves a synthetic
// organization on the fake AWS (its own process), runs the whole scan (collect, evaluate, report) in
// one process of its own, and measures the same server with bare SDK calls at the same in-flight cap
// (or `--bare-in-flight n`), before and after the scan, each time in a process of its own started like
// the scan's. The ideal wall time is the scan's request count at the bare-SDK rate.
// Prints plain lines a person can quote; docs/performance.md explains each figure.
//   node dist/bench/run.js [--sizes 100,1000] [--regions 4] [--baseline-seconds 20]
//                          [--accounts-in-parallel n] [--bare-in-flight n] [--cpu-prof dir] [--scan-node path]
//                          [--live-heap] [--quick] [--keep]

import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configSchema } from '../src/config/schema.js';
import { measureBareInChild, type BareWindow } from './bare-process.js';
import type { LiveHeap } from './live-heap.js';
import { scanInChild, type ScanFigures } from './scan-process.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { accountId, BENCH_EVIDENCE_BUCKET, DEFAULT_REGIONS, EXTERNAL_ID, syntheticOrganization, type SyntheticOptions } from './synthetic-org.js';

/** The simulated AWS of issue 14: 25 ms per call, 20 requests a second per account, region and service. */
const LATENCY_MS: [number, number] = [25, 25];
// S3 takes thousands of PUTs a second per prefix, so the bucket leaves `--upload`'s PutObjects alone.
const TOKEN_BUCKET = { ratePerSecond: 20, burst: 20, per: 'service' as const, exempt: ['s3:PutObject'] };
/** IAM prepares a credential report in seconds; 5 s here. */
const CREDENTIAL_REPORT_MS = 5_000;
/** Bare SDK calls spread over this many accounts, so no token bucket limits them. */
const BARE_ACCOUNTS = 8;

interface Options {
  sizes: number[];
  regions: number;
  baselineSeconds: number;
  accountsInParallel?: number;
  /** The yardstick's requests in flight: `--bare-in-flight`, else the scan's default cap. */
  bareInFlight: number;
  cpuProfileDir?: string;
  scanNode?: string;
  keep: boolean;
  /** The scan uploads its run directory to the fake S3, as a scheduled `scan --upload` does. */
  upload: boolean;
  /** Prints the old generation after each full collection (`bench/live-heap.ts`). */
  liveHeap: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000' },
      regions: { type: 'string', default: '4' },
      'baseline-seconds': { type: 'string', default: '20' },
      'accounts-in-parallel': { type: 'string' },
      'bare-in-flight': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'scan-node': { type: 'string' },
      upload: { type: 'boolean', default: false },
      'live-heap': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const sizes = (values.quick ? '20' : values.sizes).split(',').map(Number);
  const regions = Number(values.regions);
  const baselineSeconds = Number(values['baseline-seconds']);
  if (!sizes.every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--sizes must list whole numbers of accounts, e.g. 100,1000');
  if (!(Number.isInteger(regions) && regions >= 1 && regions <= DEFAULT_REGIONS.length)) {
    throw new Error(`--regions must be between 1 and ${DEFAULT_REGIONS.length}`);
  }
  if (!(baselineSeconds >= 1)) throw new Error('--baseline-seconds must be at least 1');
  const parallel = values['accounts-in-parallel'] === undefined ? undefined : Number(values['accounts-in-parallel']);
  const bareInFlight = values['bare-in-flight'] === undefined ? undefined : Number(values['bare-in-flight']);
  if (bareInFlight !== undefined && !(Number.isInteger(bareInFlight) && bareInFlight >= 1)) throw new Error('--bare-in-flight must be a whole number of requests, e.g. 64');
  const profile = values['cpu-prof'];
  const scanNode = values['scan-node'];
  return {
    sizes,
    regions,
    baselineSeconds,
    keep: values.keep,
    upload: values.upload,
    liveHeap: values['live-heap'],
    ...(parallel ? { accountsInParallel: parallel } : {}),
    bareInFlight: bareInFlight ?? configSchema.parse({}).concurrency.requestsInFlight,
    ...(profile ? { cpuProfileDir: profile } : {}),
    ...(scanNode ? { scanNode } : {}),
  };
}

interface BareFigures extends BareWindow {
  requests: number;
}

/** Bare SDK calls against the same server, at the scan's default in-flight cap (or `--bare-in-flight`), run by the scan's executable. */
async function measureBare(server: ServerProcess, opts: Options, accounts: number, seconds: number): Promise<BareFigures> {
  const defaults = configSchema.parse({});
  const job = {
    accounts: Array.from({ length: Math.min(accounts, BARE_ACCOUNTS) }, (_, i) => accountId(i)),
    regions: DEFAULT_REGIONS.slice(0, opts.regions),
    inFlight: opts.bareInFlight,
    externalId: EXTERNAL_ID,
    roleName: 'PartnerAuditReadOnly',
    maxAttempts: defaults.retry.maxAttempts,
    seconds,
  };
  const window = await measureBareInChild(job, opts.scanNode ?? process.execPath, () => server.resetStats());
  return { ...window, requests: (await server.stats()).requests };
}

function line(label: string, value: string): void {
  console.log(`  ${label.padEnd(24)} ${value}`);
}

function liveHeapLine(heap: LiveHeap): string {
  if (heap.fullCollections === 0) return 'no full collection';
  const collections = `${heap.fullCollections} full collection${heap.fullCollections === 1 ? '' : 's'}`;
  return `median ${heap.medianMb.toFixed(0)}, max ${heap.maxMb.toFixed(0)} MB after ${collections} (old generation)`;
}

const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');

function report(accounts: number, opts: Options, scan: ScanFigures, bare: BareFigures[], served: { requests: number; throttled: number; uploads: number }, loads: string[]): void {
  const bareRequests = bare.reduce((sum, b) => sum + b.requests, 0);
  const bareRate = bareRequests / bare.reduce((sum, b) => sum + b.seconds, 0);
  const bareCpu = bare.reduce((sum, b) => sum + b.cpuMs, 0) / bareRequests;
  const idealSeconds = served.requests / bareRate;
  const wallSeconds = scan.wallMs / 1000;
  const statuses = Object.entries(scan.accounts).map(([status, n]) => `${n} ${status}`).join(', ');
  console.log(
    `bench ${accounts} accounts x ${opts.regions} regions: ${LATENCY_MS[0]} ms per call, ${TOKEN_BUCKET.ratePerSecond} requests/s ` +
      `(burst ${TOKEN_BUCKET.burst}) per account, region and service, credential report ready ${CREDENTIAL_REPORT_MS / 1000} s after it is requested`,
  );
  line('load average', `${loads.join(' → ')} (1, 5, 15 min; before the first and after the last measurement)`);
  line('scan wall time', `${wallSeconds.toFixed(1)} s, ideal ${idealSeconds.toFixed(1)} s, ratio ${(wallSeconds / idealSeconds).toFixed(2)}`);
  line('bare SDK rate', `${bareRate.toFixed(0)} requests/s at ${opts.bareInFlight} in flight (${bareRequests} requests, ${bare.map((b) => `${b.seconds.toFixed(1)} s`).join(' before + ')} after the scan)`);
  const stages = `collect, evaluate, report json,html,markdown${opts.upload ? ', upload' : ''}`;
  line('peak RSS, whole scan', `${scan.peakRssMb.toFixed(0)} MB (${stages}; one process, no heap flag)`);
  line('peak RSS, collection', `${scan.collectPeakRssMb.toFixed(0)} MB (the same process when the collection finished)`);
  line('V8 heap limit', `${scan.heapLimitMb.toFixed(0)} MB (Node sizes it from the host's or the container's memory)`);
  if (scan.liveHeap) {
    line('live heap, collection', liveHeapLine(scan.liveHeap.collection));
    line('live heap, evaluation', liveHeapLine(scan.liveHeap.evaluation));
  }
  line('peak RSS, bare SDK', `${Math.max(...bare.map((b) => b.peakRssMb)).toFixed(0)} MB (the yardstick's own process)`);
  line('node', `${opts.scanNode ?? process.execPath} (runs the scan and the yardstick)`);
  line('accounts', statuses);
  const uploads = opts.upload ? `; and ${served.uploads} PutObject for the upload` : '';
  line('requests', `${served.requests} served, ${(served.requests / (accounts * opts.regions)).toFixed(1)} per account-region (scan counted ${scan.requests})${uploads}`);
  line('retries', String(scan.retries));
  line('throttles', `${scan.throttles} (server answered ${served.throttled})`);
  line('CPU per request', `collection ${(scan.collectCpuMs / scan.requests).toFixed(2)} ms, bare SDK ${bareCpu.toFixed(2)} ms`);
  line('phases', `collection ${(scan.collectWallMs / 1000).toFixed(1)} s (${(scan.collectCpuMs / 1000).toFixed(1)} s CPU), ` +
    `evaluation and reports${opts.upload ? ' and upload' : ''} ${((scan.wallMs - scan.collectWallMs) / 1000).toFixed(1)} s (${((scan.cpuMs - scan.collectCpuMs) / 1000).toFixed(1)} s CPU)`);
  line('findings', `${scan.findings}, ${scan.errorFindings} ERROR`);
}

async function benchSize(accounts: number, opts: Options, root: string): Promise<void> {
  const synthetic: SyntheticOptions = { accounts, regions: opts.regions, latencyMs: LATENCY_MS, tokenBucket: TOKEN_BUCKET, credentialReportMs: CREDENTIAL_REPORT_MS };
  const server = await startServerProcess(syntheticOrganization(synthetic));
  process.env.AWS_ENDPOINT_URL = server.endpoint;
  try {
    const loads = [load()];
    const before = await measureBare(server, opts, accounts, opts.baselineSeconds / 2);
    console.error(`bench: scanning ${accounts} accounts x ${opts.regions} regions…`);
    server.resetStats();
    const outDir = join(root, `run-${accounts}`);
    const { accountsInParallel, cpuProfileDir, scanNode, liveHeap } = opts;
    const scan = await scanInChild({
      outDir,
      externalId: EXTERNAL_ID,
      ...(accountsInParallel ? { accountsInParallel } : {}),
      ...(cpuProfileDir ? { cpuProfileDir } : {}),
      ...(scanNode ? { scanNode } : {}),
      ...(liveHeap ? { liveHeap } : {}),
      ...(opts.upload ? { upload: `s3://${BENCH_EVIDENCE_BUCKET}/runs` } : {}),
    });
    const stats = await server.stats();
    // The upload's PutObjects are no audit calls: the ideal and the per-account-region figure leave them out.
    const uploads = stats.byAction['s3:PutObject'] ?? 0;
    const served = { requests: stats.requests - uploads, throttled: stats.throttled, uploads };
    const after = await measureBare(server, opts, accounts, opts.baselineSeconds / 2);
    loads.push(load());
    report(accounts, opts, scan, [before, after], served, loads);
    if (opts.keep) line('run directory', outDir);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const opts = options();
  process.env.AWS_ACCESS_KEY_ID = 'AKIABENCHBASE0000001';
  process.env.AWS_SECRET_ACCESS_KEY = 'bench-base-secret-000000000000000000000';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  const root = await mkdtemp(join(tmpdir(), 'partner-audit-bench-'));
  try {
    for (const accounts of opts.sizes) await benchSize(accounts, opts, root);
  } finally {
    if (!opts.keep) await rm(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
