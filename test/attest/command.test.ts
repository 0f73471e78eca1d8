import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadStatements } from '../../src/attest/load.js';
import { getChecklist } from '../../src/catalog/index.js';
import { register } from '../../src/cli/commands/attest.js';
import { UsageError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-audit-attest-cmd-'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<void> {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const program = new Command().exitOverride();
  register(program);
  await program.parseAsync(['node', 'partner-audit', 'attest', ...args]);
}

describe('partner-audit attest', () => {
  it('--init writes a template that loads for the chosen checklist', async () => {
    const out = join(dir, 'ftr.yaml');
    await run('--init', '--checklist', 'ftr-partner-hosted', '--out', out);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('# Attestations for ftr-partner-hosted@2026-02');
    expect(text).toContain('  # HOST-001:\n');
    const statements = await loadStatements([out], { checklists: [getChecklist('ftr-partner-hosted')], checkIds: [] });
    expect(statements.attestations.get('ftr-partner-hosted')?.size).toBe(0);
    expect(statements.exceptions).toEqual([]);
  });

  it('never overwrites an existing file without --force', async () => {
    const out = join(dir, 'existing.yaml');
    await writeFile(out, 'checklist: smb-competency\n# my edits\n');
    await expect(run('--init', '--out', out)).rejects.toThrow(new UsageError(`${out} already exists; use --force to overwrite it`));
    expect(await readFile(out, 'utf8')).toBe('checklist: smb-competency\n# my edits\n');
    await run('--init', '--out', out, '--force');
    expect(await readFile(out, 'utf8')).toContain('# Attestations for smb-competency@2025-08');
  });

  it('needs --init', async () => {
    await expect(run()).rejects.toThrow(UsageError);
  });
});
