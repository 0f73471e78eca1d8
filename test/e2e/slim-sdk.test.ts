// The built tool loads AWS SDK client packages cut down to the names the code takes from them
// (src/generate/slim-sdk.ts). The unit and wire tests run from the sources, with the whole
// packages; these tests hold the cut bundles to the same behaviour.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../bench/scan-driver.js';
import { slimFileName } from '../../src/aws/sdk-module.js';
import { sdkLoads } from '../../src/generate/sdk-loads.js';
import { startFakeAws, type FakeAws } from '../fake-aws/index.js';
import { PRODUCT_ROLE } from '../wire/fixtures-data.js';
import { EXTERNAL_ID, MGMT, wireScenario } from '../wire/fixtures.js';
import { BASE_CREDENTIALS } from '../wire/harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLIM_DIR = join(ROOT, 'dist/sdk');
const load = createRequire(import.meta.url);
const SESSION_NAME = /partner-audit-[\w.:-]+/g;

function builtIndex(): Record<string, string[]> {
  const file = join(SLIM_DIR, 'index.json');
  if (!existsSync(file)) throw new Error('dist/sdk/index.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
}

describe('cut SDK bundles (dist/sdk)', () => {
  it('exist for every client package the code loads, with every name it takes from it', () => {
    const { names } = sdkLoads(ROOT, ['src', 'checks']);
    const index = builtIndex();
    expect(Object.keys(index).sort()).toEqual([...names.keys()].sort());
    for (const [pkg, bound] of Object.entries(index)) {
      expect([...(names.get(pkg) ?? [])].sort()).toEqual(bound);
      const cut = load(join(SLIM_DIR, slimFileName(pkg))) as Record<string, unknown>;
      const whole = load(pkg) as Record<string, unknown>;
      for (const name of bound) {
        expect(typeof cut[name], `${pkg} ${name}`).toBe(typeof whole[name]);
        expect(cut[name], `${pkg} ${name}`).toBeDefined();
      }
    }
  });

  it('are what the built loader loads; the sources, and a package without a bundle, load whole', async () => {
    type Loader = typeof import('../../src/aws/sdk-module.js');
    const built = (await import(join(ROOT, 'dist/src/aws/sdk-module.js'))) as Loader;
    const source = (await import('../../src/aws/sdk-module.js')) as Loader;
    const index = builtIndex();
    expect(index['@aws-sdk/client-ec2']).toBeDefined();
    const cutEc2 = load(join(SLIM_DIR, 'client-ec2.cjs')) as { EC2Client: unknown };
    expect(built.sdkModule<{ EC2Client: unknown }>('@aws-sdk/client-ec2').EC2Client).toBe(cutEc2.EC2Client);
    expect(source.sdkModule<{ EC2Client: unknown }>('@aws-sdk/client-ec2').EC2Client).toBe((load('@aws-sdk/client-ec2') as typeof cutEc2).EC2Client);
    // A client package the code does not load through the loader has no cut bundle.
    expect(index['@aws-sdk/client-sso']).toBeUndefined();
    expect(built.sdkModule<{ SSOClient: unknown }>('@aws-sdk/client-sso').SSOClient).toBe((load('@aws-sdk/client-sso') as { SSOClient: unknown }).SSOClient);
  });

  it.each(['@aws-sdk/client-oam', '@aws-sdk/client-fis', '@aws-sdk/client-resiliencehub', '@aws-sdk/client-synthetics'])(
    'carry the cut runtime of %s, which has one of its own: the bundle requires Node modules only, and lazily the credential providers',
    async (pkg) => {
      const text = await readFile(join(SLIM_DIR, slimFileName(pkg)), 'utf8');
      // The bundle is minified: a lazy import reads `Promise.resolve().then(()=>… require("…"))`.
      const lazy = /Promise\.resolve\(\)\.then\(\(\) ?=>[^)]*?require\("[^"]+"\)/g;
      const eager = [...text.replace(lazy, '').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(eager).toContain('crypto');
      const packages = eager.filter((id) => !id.startsWith('node:') && !builtinModules.includes(id));
      // aws-crt is probed inside a try block, as the package itself does; it is not installed.
      expect(packages.filter((id) => id !== 'aws-crt')).toEqual([]);
    },
  );
  it('are ASCII, which V8 keeps at one byte a character', async () => {
    const wider: string[] = [];
    for (const pkg of Object.keys(builtIndex())) {
      const text = await readFile(join(SLIM_DIR, slimFileName(pkg)), 'utf8');
      if (/[^\x00-\x7f]/.test(text)) wider.push(pkg);
    }
    expect(wider).toEqual([]);
  });
});

describe('the built CLI (cut SDK) against the sources (whole SDK)', () => {
  const run = promisify(execFile);
  let fake: FakeAws;
  let base: string;
  let config: string;

  beforeAll(async () => {
    const started = new Date();
    fake = await startFakeAws(wireScenario(), { now: () => started });
    base = await mkdtemp(join(tmpdir(), 'partner-audit-slim-'));
    config = join(base, 'partner-audit.yaml');
    await writeFile(config, `settings:\n  ftr:\n    crossAccountAccess: true\n    productPrincipals: ["${PRODUCT_ROLE(MGMT)}"]\n`);
  });
  afterAll(async () => {
    await fake?.stop();
  });

  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    AWS_ENDPOINT_URL: fake.endpoint,
    AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
  });

  // What differs between any two scans: a look-back window starts from the scan's own clock, and
  // the fake mints CloudTrail event IDs per request.
  const VARYING = new Set(['since', 'eventId']);
  const steady = (key: string, value: unknown): unknown => (VARYING.has(key) ? '<varies>' : value);

  /** Each record's collector, region, outcome and data, without its times and request IDs. */
  async function datasets(dir: string): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const file of (await readdir(join(dir, 'datasets'))).sort()) {
      const lines = (await readFile(join(dir, 'datasets', file), 'utf8')).split('\n').filter(Boolean);
      out[file] = lines
        .map((line) => {
          // Session names carry the run's ID, which differs between the two scans.
          const { startedAt: _s, finishedAt: _f, requestIds: _r, ...rest } = JSON.parse(line.replace(SESSION_NAME, 'partner-audit-<run>'), steady) as Record<string, unknown>;
          return rest;
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return out;
  }

  it('collects the same datasets from every service of the wire organization', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env());
    const wholeDir = join(base, 'whole');
    try {
      await collectSnapshot({ outDir: wholeDir, organization: true, externalId: EXTERNAL_ID, config });
    } finally {
      process.env = saved;
    }
    const cutDir = join(base, 'cut');
    await run('node', ['dist/src/cli/main.js', 'scan', '--org', '--checklist', 'smb-competency,ftr-partner-hosted', '--external-id', EXTERNAL_ID, '--config', config, '--out', cutDir, '--format', 'json', '--exit-zero', '--quiet'], {
      cwd: ROOT,
      env: env(),
      maxBuffer: 64 * 1024 * 1024,
    });
    const [whole, cut] = await Promise.all([datasets(wholeDir), datasets(cutDir)]);
    expect(Object.keys(cut)).toEqual(Object.keys(whole));
    const records = Object.values(whole).flat();
    expect(records.length).toBeGreaterThan(100);
    // Failures the fake answers on purpose (denied, throttled) must look the same through both builds.
    expect(cut).toEqual(whole);
  }, 240_000);
});
