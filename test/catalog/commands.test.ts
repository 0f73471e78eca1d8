import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { register as registerChecks } from '../../src/cli/commands/checks.js';
import { register as registerExplain } from '../../src/cli/commands/explain.js';
import { checkActions } from '../../src/contract/check.js';
import { UsageError } from '../../src/errors.js';

async function run(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerChecks(program, { checks: ALL_CHECKS });
  registerExplain(program, { checks: ALL_CHECKS });
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  await program.parseAsync(['node', 'partner-audit', ...args]);
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('partner-audit checks', () => {
  it('lists every check mapped to the SMB checklist by default, with severity, requirement IDs and IAM actions', async () => {
    const out = await run('checks');
    const mapped = ALL_CHECKS.filter((c) => c.requirements['smb-competency']?.length);
    expect(out.startsWith(`${mapped.length} checks for smb-competency@2025-08\n`)).toBe(true);
    for (const check of mapped) {
      expect(out).toContain(`${check.id}  [${check.severity}]  ${check.requirements['smb-competency']!.join(', ')}\n`);
      expect(out).toContain(`  IAM actions: ${checkActions(check).join(', ')}\n`);
    }
  });

  it('prints JSON for another checklist', async () => {
    const parsed = JSON.parse(await run('checks', '--checklist', 'ftr-partner-hosted', '--json'));
    expect(parsed.checklist).toEqual({ id: 'ftr-partner-hosted', version: '2026-02' });
    const mapped = ALL_CHECKS.filter((c) => c.requirements['ftr-partner-hosted']?.length).map((c) => c.id).sort();
    expect(parsed.checks.map((c: { id: string }) => c.id)).toEqual(mapped);
    const support = parsed.checks.find((c: { id: string }) => c.id === 'support-plan-business-recommended');
    expect(support).toMatchObject({ requirementIds: ['SUP-001'], actions: ['support:DescribeSeverityLevels'] });
  });

  it('rejects an unknown checklist as a usage error', async () => {
    await expect(run('checks', '--checklist', 'soc2')).rejects.toThrow(UsageError);
  });
});

describe('partner-audit explain', () => {
  it('explains a real check', async () => {
    const out = await run('explain', 'guardduty-enabled');
    expect(out).toMatch(/^guardduty-enabled: GuardDuty is enabled in every region\n/);
    expect(out).toContain('  Requirements:  smb-competency@2025-08: SECOPS-007, SECOPS-008\n');
    expect(out).toContain('  Docs:          https://');
  });

  it('explains a requirement with the checks that cover it', async () => {
    const out = await run('explain', 'SECOPS-011', '--checklist', 'smb-competency');
    expect(out).toContain('  Automation:  full\n');
    expect(out).toMatch(/ {2}Checks: +acm-certificates-auto-renew \(.+\); iam-server-certificates-absent \(.+\)\n/);
  });

  it('suggests the closest id for an unknown one', async () => {
    await expect(run('explain', 'guardduty-enable')).rejects.toThrow('unknown check or requirement "guardduty-enable"; did you mean "guardduty-enabled"?');
  });
});
