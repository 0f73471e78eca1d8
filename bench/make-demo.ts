// Regenerates the shipped demo snapshot: serves demo/scenario.json on the fake AWS, scans the
// demo organization with the real scanner, and writes the run directory to demo/snapshot.
//   npm run build && node dist/bench/make-demo.js

import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startFakeAws, type Scenario } from '../test/fake-aws/index.js';
import { collectSnapshot, evaluateSnapshot } from './scan-driver.js';

const ROOT = new URL('../../', import.meta.url);
const SCENARIO = fileURLToPath(new URL('demo/scenario.json', ROOT));
const SNAPSHOT = fileURLToPath(new URL('demo/snapshot', ROOT));

async function main(): Promise<void> {
  const scenario = JSON.parse(await readFile(SCENARIO, 'utf8')) as Scenario;
  const fake = await startFakeAws(scenario);
  process.env.AWS_ENDPOINT_URL = fake.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'AKIADEMOBASE00000001';
  process.env.AWS_SECRET_ACCESS_KEY = 'demo-base-secret-00000000000000000000000';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  try {
    await rm(SNAPSHOT, { recursive: true, force: true });
    const summary = await collectSnapshot({ outDir: SNAPSHOT, organization: true, externalId: scenario.externalId });
    const results = await evaluateSnapshot(SNAPSHOT);
    for (const account of summary.accounts) {
      console.log(`${account.accountId} ${account.name ?? ''}: ${account.status}, regions ${account.regions.join(' ')}, skipped ${account.skippedRegions.map((s) => s.region).join(' ') || 'none'}`);
    }
    const counts = results.findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.status]: (acc[f.status] ?? 0) + 1 }), {});
    console.log(`findings: ${Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', ')}; snapshot written to ${SNAPSHOT}`);
  } finally {
    await fake.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`make-demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
