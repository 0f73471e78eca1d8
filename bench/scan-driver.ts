// The scan command's own pipeline (src/run), driven as a function for the bench, the demo snapshot
// and the wire tests. Endpoints come from AWS_ENDPOINT_URL like any user's emulator setup.

import { NO_STATEMENTS } from '../src/attest/types.js';
import { randomUUID } from 'node:crypto';
import { ALL_CHECKS } from '../checks/index.js';
import type { ScanSummary } from '../src/collect/scanner.js';
import type { ChecklistId } from '../src/contract/checklists/index.js';
import type { Results } from '../src/contract/results.js';
import { collectEvidence } from '../src/run/collect.js';
import { evaluateRunDir } from '../src/run/evaluate.js';
import { resolveRunConfig } from '../src/run/options.js';
import { checkSettingsOf } from '../src/config/schema.js';
import { readManifest } from '../src/snapshot/reader.js';
import { runVocabulary } from '../src/collect/vocabulary.js';

export interface DriverOptions {
  outDir: string;
  /** Scan every active account of the organization (else only the caller's account). */
  organization?: boolean;
  externalId?: string;
  roleName?: string;
  checklist?: ChecklistId;
  /** A config file (its settings decide which setup-dependent checks run). */
  config?: string;
}

/** Collects a snapshot into `outDir`, exactly as `partner-audit scan` does. */
export async function collectSnapshot(options: DriverOptions): Promise<ScanSummary> {
  const run = await resolveRunConfig({
    org: options.organization ?? false,
    ...(options.externalId ? { externalId: options.externalId } : {}),
    ...(options.roleName ? { roleName: options.roleName } : {}),
    ...(options.checklist ? { checklist: options.checklist } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
  await collectEvidence({ run, checks: [...ALL_CHECKS], runId: randomUUID().slice(0, 8), outDir: options.outDir, resume: false });
  const manifest = await readManifest(options.outDir, runVocabulary());
  return { accounts: manifest.accounts, totals: manifest.totals };
}

/** Evaluates a collected snapshot (defaults, no attestations) and writes its results.json. */
export async function evaluateSnapshot(dir: string, checklistId: ChecklistId = 'smb-competency', config?: string): Promise<Results> {
  const run = await resolveRunConfig({ checklist: checklistId, ...(config ? { config } : {}) });
  const { results, findings } = await evaluateRunDir({
    runDir: dir,
    checks: [...ALL_CHECKS],
    checklist: run.checklist,
    deploymentModel: run.config.deploymentModel,
    settings: checkSettingsOf(run.config),
    statements: NO_STATEMENTS,
  });
  // Evaluation streams its findings to results.json; the bench and the demo count them in memory.
  const all: Results['findings'] = [];
  for await (const finding of findings.each()) all.push(finding);
  return { ...results, findings: all };
}
