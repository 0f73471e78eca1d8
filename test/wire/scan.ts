// Runs the real scanner (and engine) against the fake AWS into a temporary run directory.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSnapshot, evaluateSnapshot } from '../../bench/scan-driver.js';
import type { ScanSummary } from '../../src/collect/scanner.js';
import type { Results } from '../../src/contract/results.js';
import { EXTERNAL_ID } from './fixtures.js';

export interface ScanOutcome {
  dir: string;
  summary: ScanSummary;
  results: Results;
}

export async function scanOrganization(): Promise<ScanOutcome> {
  const dir = join(await mkdtemp(join(tmpdir(), 'partner-audit-wire-')), 'run');
  const summary = await collectSnapshot({ outDir: dir, organization: true, externalId: EXTERNAL_ID });
  const results = await evaluateSnapshot(dir);
  return { dir, summary, results };
}
