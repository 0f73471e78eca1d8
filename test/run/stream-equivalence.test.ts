// The streamed evaluation (one account at a time, findings written to results.json as they are
// made) judges exactly as the straightforward one (every finding in memory, then buildResults):
// same findings and same requirement rows, on the demo organization, for both checklists, with
// the demo's attestations and exceptions (SMB) and a production scope that leaves accounts out.

import { applicabilityOf, checksToRun } from '../../src/catalog/applicability.js';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { loadStatements } from '../../src/attest/load.js';
import { NO_STATEMENTS } from '../../src/attest/types.js';
import { getChecklist } from '../../src/catalog/index.js';
import { runVocabulary } from '../../src/collect/vocabulary.js';
import type { ProductionScope } from '../../src/contract/results.js';
import { checkSettingsSchema } from '../../src/contract/settings.js';
import { evaluateRun } from '../../src/engine/evaluate.js';
import { buildResults } from '../../src/engine/results.js';
import { evaluateRunDir } from '../../src/run/evaluate.js';
import { loadReportInput } from '../../src/run/report-input.js';
import { readAccountDatasets, readManifest } from '../../src/snapshot/reader.js';
import { redact } from '../../src/snapshot/redact.js';
import { readResults } from '../../src/snapshot/results-file.js';

const DEMO = join(import.meta.dirname, '../../demo');
const dir = mkdtempSync(join(tmpdir(), 'pa-stream-equivalence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PRODUCTION: ProductionScope = { accounts: ['402345678901', '403456789012'], accountTags: {}, regions: ['eu-west-1', 'us-east-1'] };
const sorted = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();

describe.each(['smb-competency', 'ftr-partner-hosted'])('streamed evaluation of the demo, %s', (checklistId) => {
  it('writes the same findings, rows and exception counts as the in-memory evaluation', async () => {
    const runDir = join(dir, checklistId);
    cpSync(join(DEMO, 'snapshot'), runDir, { recursive: true });
    const checklist = getChecklist(checklistId);
    // The demo's statements are written for the SMB checklist.
    const statements = checklistId === 'smb-competency'
      ? await loadStatements([join(DEMO, 'attestations.yaml')], { checklists: [checklist], checkIds: ALL_CHECKS.map((c) => c.id) })
      : NO_STATEMENTS;
    const settings = checkSettingsSchema.parse({});
    const streamed = await evaluateRunDir({
      runDir, checks: [...ALL_CHECKS], checklist, deploymentModel: 'saas', settings, statements, production: PRODUCTION,
    });

    const vocabulary = runVocabulary();
    const manifest = streamed.manifest;
    const now = new Date(manifest.finishedAt ?? manifest.startedAt);
    const findings = await evaluateRun(
      { manifest: await readManifest(runDir, vocabulary), datasets: (id) => readAccountDatasets(runDir, id, vocabulary) },
      {
        checks: checksToRun([...ALL_CHECKS], settings), checklist, settings, now, redact: (finding) => redact(finding, { secrets: [] }),
        applicableRequirements: new Set(checklist.requirements.filter((r) => applicabilityOf(r, 'saas', settings).applies).map((r) => r.id)),
      },
    );
    const inMemory = buildResults({
      manifest, checklist, deploymentModel: 'saas', settings, findings, production: PRODUCTION, now,
      attestations: statements.attestations.get(checklist.id) ?? new Map(), exceptions: statements.exceptions,
    });

    const written = await readResults(runDir);
    expect(written.findings.length).toBeGreaterThan(0);
    expect(streamed.findings.count).toBe(inMemory.findings.length);
    expect(sorted(written.findings)).toEqual(sorted(inMemory.findings));
    expect(sorted(written.requirements)).toEqual(sorted(inMemory.requirements));
    expect(written.exceptions).toEqual(inMemory.exceptions);
    const { findings: _written, ...writtenHead } = written;
    const { findings: _inMemory, ...inMemoryHead } = inMemory;
    expect(writtenHead).toEqual({ ...inMemoryHead, requirements: writtenHead.requirements });
    // What the scan hands its reports without reading the file again is what the file holds.
    expect(streamed.results).toEqual(writtenHead);
    const read: unknown[] = [];
    for await (const finding of streamed.findings.each()) read.push(finding);
    expect(read).toEqual(written.findings);
    // The per-service call counts stay in manifest.json: the evaluation and the reports do without them.
    expect((await readManifest(runDir, vocabulary)).accounts.some((a) => Object.keys(a.calls).length > 0)).toBe(true);
    expect(manifest.accounts.filter((a) => 'calls' in a)).toEqual([]);
    // So does `report`, re-rendering from the run directory.
    const rerendered = await loadReportInput(runDir, [...ALL_CHECKS]);
    expect(rerendered.manifest.accounts.filter((a) => 'calls' in a)).toEqual([]);
    expect(rerendered.manifest.accounts.map((a) => a.accountId)).toEqual(manifest.accounts.map((a) => a.accountId));
  });
});
