// results.json is written once by the evaluation, with its head and rows redacted as its findings
// are: the scan's json report no longer writes it a second time.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { NO_STATEMENTS } from '../../src/attest/types.js';
import { getChecklist } from '../../src/catalog/index.js';
import { checkSettingsSchema } from '../../src/contract/settings.js';
import { evaluateRunDir } from '../../src/run/evaluate.js';
import { REDACTED } from '../../src/snapshot/redact.js';

const DEMO = join(import.meta.dirname, '../../demo');
const dir = mkdtempSync(join(tmpdir(), 'pa-evaluate-redaction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A secret of no recognizable shape: only the scan's list of secrets can catch it. */
const SECRET = 'correct-horse-battery-staple-9c1e';

describe('evaluateRunDir', () => {
  it('keeps a secret in an account error out of every part of results.json', async () => {
    const runDir = join(dir, 'run');
    cpSync(join(DEMO, 'snapshot'), runDir, { recursive: true });
    const manifestPath = join(runDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.accounts[1] = { ...manifest.accounts[1], status: 'ERROR', error: `AssumeRole refused session ${SECRET}` };
    writeFileSync(manifestPath, JSON.stringify(manifest));

    const evaluated = await evaluateRunDir({
      runDir,
      checks: [...ALL_CHECKS],
      checklist: getChecklist('smb-competency'),
      deploymentModel: 'saas',
      settings: checkSettingsSchema.parse({}),
      statements: NO_STATEMENTS,
      secrets: [SECRET],
    });

    const text = readFileSync(join(runDir, 'results.json'), 'utf8');
    expect(text).not.toContain(SECRET);
    const results = JSON.parse(text);
    const account = results.accounts.find((a: { accountId: string }) => a.accountId === manifest.accounts[1].accountId);
    expect(account.error).toBe(`AssumeRole refused session ${REDACTED}`);
    expect(JSON.stringify(evaluated.results)).not.toContain(SECRET);
  });
});
