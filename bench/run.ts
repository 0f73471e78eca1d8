// `npm run bench`: scans a synthetic organization on the fake AWS (in its own process) with the
// real scanner and collectors, then measures the same server with bare SDK calls at the same
// concurrency. Evaluation runs in its own process so each phase's memory is its own.
// Prints plain lines a person can quote.
//   node dist/bench/run.js [--accounts 200] [--regions 16] [--baseline-seconds 20] [--keep]

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { configSchema } from '../src/config/schema.js';
import { DATASETS_DIR } from '../src/snapshot/manifest.js';
import { runBareSdk } from './bare-sdk.js';
import { RssSampler } from './rss.js';
import { evaluateInChild } from './evaluate-process.js';
import { collectSnapshot } from './scan-driver.js';
import { startServerProcess } from './server-process.js';
import { DEFAULT_REGIONS, EXTERNAL_ID, syntheticOrganization, type SyntheticOptions } from './synthetic-org.js';

const LATENCY: [number, number] = [20, 50];
const TOKEN_BUCKET = { ratePerSecond: 150, burst: 100 };

function options() {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '200' },
      regions: { type: 'string', default: '16' },
      'baseline-seconds': { type: 'string', default: '20' },
      keep: { type: 'boolean', default: false },
    },
  });
  const accounts = Number(values.accounts);
  const regions = Number(values.regions);
  if (!(accounts >= 1 && regions >= 1 && regions <= DEFAULT_REGIONS.length)) {
    throw new Error(`--accounts must be >= 1 and --regions between 1 and ${DEFAULT_REGIONS.length}`);
  }
  return { accounts, regions, baselineSeconds: Number(values['baseline-seconds']), keep: values.keep };
}

async function failedDatasets(dir: string): Promise<number> {
  let failed = 0;
  for (const file of await readdir(join(dir, DATASETS_DIR))) {
    const lines = (await readFile(join(dir, DATASETS_DIR, file), 'utf8')).split('\n').filter(Boolean);
    failed += lines.filter((line) => (JSON.parse(line) as { ok: boolean }).ok === false).length;
  }
  return failed;
}

function line(label: string, value: string): void {
  console.log(`${label.padEnd(28)} ${value}`);
}

async function main(): Promise<void> {
  const opts = options();
  const synthetic: SyntheticOptions = { accounts: opts.accounts, regions: opts.regions, latencyMs: LATENCY, tokenBucket: TOKEN_BUCKET };
  const scenario = syntheticOrganization(synthetic);
  const server = await startServerProcess(scenario);
  process.env.AWS_ENDPOINT_URL = server.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'AKIABENCHBASE0000001';
  process.env.AWS_SECRET_ACCESS_KEY = 'bench-base-secret-000000000000000000000';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  delete process.env.AWS_PROFILE;
  const concurrency = configSchema.parse({}).concurrency;
  const dir = join(await mkdtemp(join(tmpdir(), 'partner-audit-bench-')), 'run');
  try {
    const rss = new RssSampler();
    const started = performance.now();
    const summary = await collectSnapshot({ outDir: dir, organization: true, externalId: EXTERNAL_ID });
    const scanSeconds = (performance.now() - started) / 1000;
    const scanRss = rss.stop();
    const scanStats = await server.stats();
    console.error(`bench: scan finished in ${scanSeconds.toFixed(1)} s; evaluating…`);

    const evaluation = await evaluateInChild(dir);
    const failed = await failedDatasets(dir);

    console.error('bench: measuring bare SDK calls…');
    server.resetStats();
    const baselineStart = performance.now();
    await runBareSdk({
      accounts: scenario.accounts.slice(0, concurrency.accounts).map((a) => a.id),
      regions: DEFAULT_REGIONS.slice(0, opts.regions),
      inFlight: concurrency.requestsInFlight,
      durationMs: opts.baselineSeconds * 1000,
      externalId: EXTERNAL_ID,
      roleName: 'PartnerAuditReadOnly',
      maxAttempts: configSchema.parse({}).retry.maxAttempts,
    });
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    const baselineStats = await server.stats();

    const scanRate = scanStats.requests / scanSeconds;
    const bareRate = baselineStats.requests / baselineSeconds;
    const statuses = summary.accounts.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
    console.log(`partner-audit bench: ${opts.accounts} accounts x ${opts.regions} regions, ${LATENCY[0]}-${LATENCY[1]} ms per call, ` +
      `token bucket ${TOKEN_BUCKET.ratePerSecond}/s burst ${TOKEN_BUCKET.burst} per account, ` +
      `concurrency ${concurrency.accounts} accounts / ${concurrency.requestsInFlight} requests in flight / ${concurrency.perService} per service`);
    line('scan wall time', `${scanSeconds.toFixed(1)} s`);
    line('accounts', Object.entries(statuses).map(([s, n]) => `${n} ${s}`).join(', '));
    line('requests (server count)', `${scanStats.requests} (scanner counted ${summary.totals.requests})`);
    line('requests/s', scanRate.toFixed(0));
    line('retries', String(summary.totals.retries));
    line('throttles', `${summary.totals.throttles} (server answered ${scanStats.throttled})`);
    line('failed datasets', String(failed));
    line('ERROR findings', `${evaluation.errorFindings} of ${evaluation.findings} findings`);
    line('peak RSS, scan', `${scanRss.toFixed(0)} MB (bench process: scanner, collectors, SDK clients)`);
    line('scan heap limit', `${(getHeapStatistics().heap_size_limit / 1024 / 1024).toFixed(0)} MB (V8 grows the heap lazily up to it)`);
    line('peak RSS, evaluation', `${evaluation.peakRssMb.toFixed(0)} MB (separate process)`);
    line('bare SDK requests/s', `${bareRate.toFixed(0)} (${baselineStats.requests} requests in ${baselineSeconds.toFixed(1)} s, same server, ${concurrency.requestsInFlight} in flight)`);
    line('scan / bare SDK rate', `${((scanRate / bareRate) * 100).toFixed(0)}%`);
    if (opts.keep) line('run directory', dir);
  } finally {
    await server.stop();
    if (!opts.keep) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
