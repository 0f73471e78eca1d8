// No scan runs forever: --deadline ends it with the unfinished accounts PARTIAL ("deadline reached")
// and resumable; an endpoint that stops answering is detected within the stall time and reported
// once, not per call; a connection that never completes gives up after the connect timeout.

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/contract/results.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import type { FakeAws } from '../fake-aws/index.js';
import { ACCOUNTS, awsEnv, blackholePort, cli, fakeAws, oneLine, workDir } from './harness.js';

let root: string;

beforeAll(() => {
  root = workDir('deadlines');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function recordsOf(dir: string, accountId: string): DatasetRecord[] {
  return readFileSync(join(dir, 'datasets', `${accountId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as DatasetRecord);
}

function config(name: string, yaml: string): string {
  const path = join(root, `${name}.yaml`);
  writeFileSync(path, yaml);
  return path;
}

describe('--deadline', () => {
  /** Answers the first calls (targets resolved, some datasets collected), then hangs: only the deadline ends the scan. */
  let hanging: FakeAws;
  /** The same organization answering at full speed, to resume against. */
  let fast: FakeAws;

  beforeAll(async () => {
    [hanging, fast] = await Promise.all([fakeAws({ freezeAfter: 60 }), fakeAws()]);
  });

  afterAll(async () => {
    await Promise.all([hanging.stop(), fast.stop()]);
  });

  it('ends the scan on time with the unfinished accounts PARTIAL, "deadline reached", and the run resumable', async () => {
    const dir = join(root, 'cut');
    // Calls that hang would each wait out 8 attempts of 30 s; the deadline ends them all.
    const out = await cli(['scan', '--org', '--out', dir, '--deadline', '5s', '--format', 'markdown', '--config', config('no-stall', 'timeouts:\n  stallMs: 600000\n')], awsEnv(hanging.endpoint));
    expect(out.ms).toBeLessThan(30_000);
    expect(out.stderr.match(/deadline reached/g)).toHaveLength(1);
    expect(out.stderr).toMatch(/partner-audit: deadline reached \(\S+\): calls in flight fail, unfinished accounts end PARTIAL; scan --resume finishes them/);
    const manifest = manifestOf(dir);
    expect(manifest.complete).toBe(false);
    expect(manifest.deadline).toMatch(/^\d{4}-\d\d-\d\dT/);
    const cut = manifest.accounts.filter((a) => a.stoppedBy === 'deadline');
    expect(cut.length).toBeGreaterThan(0);
    for (const account of cut) {
      expect(account.status).toBe('PARTIAL');
      expect(account.error).toMatch(/^deadline reached/);
    }
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    expect(results.accounts.filter((a) => /^deadline reached/.test(a.error ?? '')).map((a) => a.status)).toEqual(cut.map(() => 'PARTIAL'));
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('the scan reached its --deadline');
    expect((await cli(['verify', dir])).code).toBe(0);

    const resumed = await cli(['scan', '--org', '--resume', dir, '--quiet'], awsEnv(fast.endpoint));
    expect(resumed.code, resumed.stderr).toBe(3);
    const finished = manifestOf(dir);
    expect(finished.complete).toBe(true);
    expect(finished.accounts.map((a) => [a.accountId, a.status, a.stoppedBy])).toEqual(ACCOUNTS.map((id) => [id, 'SCANNED', undefined]));
    expect((await cli(['verify', dir])).code).toBe(0);
  });

  it('refuses a malformed duration before doing anything', async () => {
    const out = await cli(['scan', '--org', '--deadline', 'soon', '--out', join(root, 'never')], awsEnv(fast.endpoint));
    expect(out.code).toBe(2);
    expect(oneLine(out)).toBe('partner-audit: "soon" is not a duration such as 90m, 2h, 1h30m or 45s');
  });
});

describe('an endpoint that stops answering', () => {
  it('mid-scan: is detected within the stall time, reported once on the console, recorded once per dataset, and the scan ends', async () => {
    const fake = await fakeAws({ freezeAfter: 120 });
    try {
      const dir = join(root, 'frozen');
      const out = await cli(['scan', '--org', '--out', dir, '--config', config('stall', 'timeouts:\n  stallMs: 2000\n'), '--format', 'markdown'], awsEnv(fake.endpoint));
      expect(out.ms).toBeLessThan(60_000);
      expect(out.code).toBeGreaterThanOrEqual(3);
      const notices = out.stderr.split('\n').filter((l) => l.includes('stopped answering'));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(new RegExp(`^partner-audit: ${fake.endpoint.replace(/[.:/]/g, '\\$&')} stopped answering \\(no response for \\d+(\\.\\d)? s while \\d+ calls? waited\\): its calls fail until it answers again$`));
      // An account whose role could not be assumed before the freeze has no datasets file (it is ERROR).
      const reached = ACCOUNTS.filter((id) => existsSync(join(dir, 'datasets', `${id}.jsonl`)));
      const stalled = reached.flatMap((id) => recordsOf(dir, id)).filter((r) => !r.ok && r.error.code === 'EndpointStalled');
      expect(stalled.length).toBeGreaterThan(0);
      expect(new Set(stalled.map((r) => (r.ok ? '' : r.error.message))).size).toBe(1);
      // One attempt per call: no dataset waited out its retries.
      expect(manifestOf(dir).totals.retries).toBe(0);
      expect(manifestOf(dir).accounts.some((a) => a.status === 'PARTIAL' && /EndpointStalled/.test(a.error ?? ''))).toBe(true);
    } finally {
      await fake.stop();
    }
  });

  it('at start-up: gives up within the stall time instead of 8 attempts of 30 s', async () => {
    const fake = await fakeAws({ freezeAfter: 0 });
    try {
      const out = await cli(['scan', '--org', '--out', join(root, 'frozen-start'), '--config', config('stall-start', 'timeouts:\n  stallMs: 2000\n')], awsEnv(fake.endpoint));
      expect(out.code).toBe(1);
      expect(out.ms).toBeLessThan(20_000);
      expect(out.stderr).toMatch(/cannot identify the caller \(sts:GetCallerIdentity\): EndpointStalled: http:\/\/127\.0\.0\.1:\d+ stopped answering: no response for 2 s/);
    } finally {
      await fake.stop();
    }
  });
});

describe('the connect timeout', () => {
  it('gives up on a connection that never completes after connectMs, well before the request timeout', async () => {
    const hole = await blackholePort();
    try {
      const cfg = config('connect', 'timeouts:\n  connectMs: 1000\n  requestMs: 30000\n  stallMs: 60000\nretry:\n  maxAttempts: 1\n');
      const out = await cli(['scan', '--org', '--out', join(root, 'blackhole'), '--config', cfg], awsEnv(`http://127.0.0.1:${hole.port}`));
      expect(out.code).toBe(1);
      expect(out.ms).toBeLessThan(15_000);
      expect(oneLine(out)).toMatch(/cannot identify the caller \(sts:GetCallerIdentity\): TimeoutError: .*did not establish a connection with the server within the configured timeout of 1000 ms/);
    } finally {
      hole.close();
    }
  });
});
