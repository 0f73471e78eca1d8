// Runs the real scanner (and engine) against the fake AWS into a temporary run directory.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSnapshot, evaluateSnapshot } from '../../bench/scan-driver.js';
import type { ScanSummary } from '../../src/collect/scanner.js';
import type { Results } from '../../src/contract/results.js';
import { EXTERNAL_ID, MGMT } from './fixtures.js';
import { PRODUCT_ROLE } from './fixtures-data.js';

export interface ScanOutcome {
  dir: string;
  summary: ScanSummary;
  results: Results;
}

export interface WireScan extends ScanOutcome {
  /** The config the scan ran with: the product calls customer accounts, so every dataset is collected. */
  config: string;
}

export async function scanOrganization(): Promise<WireScan> {
  const base = await mkdtemp(join(tmpdir(), 'partner-audit-wire-'));
  const config = join(base, 'partner-audit.yaml');
  await writeFile(config, `settings:\n  ftr:\n    crossAccountAccess: true\n    productPrincipals: ["${PRODUCT_ROLE(MGMT)}"]\n`);
  const dir = join(base, 'run');
  const summary = await collectSnapshot({ outDir: dir, organization: true, externalId: EXTERNAL_ID, config });
  const results = await evaluateSnapshot(dir);
  return { dir, summary, results, config };
}
