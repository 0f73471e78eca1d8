import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/diff.js';
import type { RequirementStatus } from '../../src/contract/status.js';
import type { Results } from '../../src/contract/results.js';
import { classify, diffRuns, meetsFailOn, type RequirementChangeKind } from '../../src/bookkeeping/diff.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../src/bookkeeping/diff-render.js';
import { account, partnerRequirement, finding, requirement, results } from './fixtures.js';

const NOW = new Date('2026-11-20T00:00:00.000Z');

describe('classify', () => {
  const cases: [RequirementStatus | undefined, RequirementStatus | undefined, boolean, RequirementChangeKind | undefined][] = [
    ['PASS', 'FAIL', true, 'regression'],
    ['ERROR', 'FAIL', true, 'regression'],
    ['MANUAL', 'FAIL', true, 'regression'],
    [undefined, 'FAIL', true, 'regression'],
    [undefined, 'FAIL', false, 'regression'],
    ['FAIL', 'FAIL', true, undefined],
    ['PASS', 'PASS', true, undefined],
    ['FAIL', 'PASS', true, 'fixed'],
    ['FAIL', 'WARN', true, 'fixed'],
    ['FAIL', 'ATTESTED', true, 'fixed'],
    ['FAIL', 'NOT_APPLICABLE', true, 'fixed'],
    ['FAIL', 'ERROR', true, 'changed'],
    ['FAIL', 'MANUAL', true, 'changed'],
    ['PASS', 'ERROR', true, 'changed'],
    ['ATTESTED', 'MANUAL', true, 'changed'],
    ['PASS', undefined, true, 'changed'],
    [undefined, 'PASS', true, 'changed'],
    [undefined, 'PASS', false, undefined],
  ];
  it.each(cases)('%s → %s (account in both: %s) is %s', (before, after, inBoth, expected) => {
    expect(classify(before, after, inBoth)).toBe(expected);
  });
});

function scenario(): { old: Results; next: Results } {
  const old = results({
    startedAt: '2026-11-01T00:00:00.000Z',
    accounts: [account('111111111111'), account('222222222222'), account('333333333333', { name: 'legacy' })],
    requirements: [
      requirement('111111111111', 'IAM-002', 'PASS'),
      requirement('111111111111', 'AWSAPI-004', 'FAIL'),
      requirement('111111111111', 'SUP-001', 'PASS'),
      requirement('222222222222', 'IAM-002', 'PASS'),
      requirement('333333333333', 'IAM-002', 'FAIL'),
      partnerRequirement('DOC-001', 'MANUAL'),
    ],
    findings: [
      finding({ accountId: '111111111111', resource: 'i-1', status: 'FAIL' }),
      finding({ accountId: '111111111111', resource: 'i-2', status: 'PASS' }),
      finding({ accountId: '111111111111', resource: 'i-gone', status: 'PASS' }),
      finding({ accountId: '333333333333', resource: 'i-9', status: 'FAIL' }),
    ],
  });
  const next = results({
    startedAt: '2026-11-19T00:00:00.000Z',
    accounts: [account('111111111111'), account('222222222222', { status: 'PARTIAL' }), account('444444444444', { name: 'new' })],
    requirements: [
      requirement('111111111111', 'IAM-002', 'FAIL'),
      requirement('111111111111', 'AWSAPI-004', 'PASS'),
      requirement('111111111111', 'SUP-001', 'ERROR'),
      requirement('222222222222', 'IAM-002', 'ATTESTED', {
        attestation: { status: 'met', owner: 'sec@example.com', date: '2026-01-01', expires: '2026-12-01', evidence: [], expired: false },
      }),
      requirement('444444444444', 'IAM-002', 'FAIL'),
      requirement('444444444444', 'SUP-001', 'PASS', {
        attestation: { status: 'met', owner: 'ops@example.com', date: '2025-01-01', expires: '2026-11-01', evidence: [], expired: true },
      }),
      partnerRequirement('DOC-001', 'FAIL', { attestation: { status: 'not-met', owner: 'arch', date: '2026-11-02', evidence: ['x'], expired: false } }),
    ],
    exceptions: [
      { checkId: 'ec2-imdsv2-required', resource: 'i-legacy', reason: 'vendor', owner: 'ops', expires: '2026-12-10', expired: false, covered: 1, errorsNotCovered: 0 },
      { checkId: 'ec2-imdsv2-required', resource: 'i-old', reason: 'vendor', owner: 'ops', expires: '2026-11-10', expired: true, covered: 0, errorsNotCovered: 0 },
    ],
    findings: [
      finding({ accountId: '111111111111', resource: 'i-1', status: 'PASS' }),
      finding({ accountId: '111111111111', resource: 'i-2', status: 'FAIL' }),
      finding({ accountId: '111111111111', resource: 'i-new', status: 'WARN' }),
      finding({ accountId: '444444444444', resource: 'i-4', status: 'FAIL' }),
    ],
  });
  return { old, next };
}

describe('diffRuns', () => {
  const { old, next } = scenario();
  const diff = diffRuns(old, next, NOW);
  const ids = (rows: { accountId?: string; requirementId: string }[]) => rows.map((r) => `${r.accountId ?? 'partner'}:${r.requirementId}`);

  it('classifies requirement changes per account', () => {
    expect(ids(diff.requirements.regressions)).toEqual(['partner:DOC-001', '111111111111:IAM-002', '444444444444:IAM-002']);
    expect(ids(diff.requirements.fixed)).toEqual(['111111111111:AWSAPI-004']);
    expect(ids(diff.requirements.changed)).toEqual(['111111111111:SUP-001', '222222222222:IAM-002']);
    expect(diff.requirements.regressions[2]).toEqual({
      kind: 'regression', accountId: '444444444444', requirementId: 'IAM-002', before: undefined, after: 'FAIL',
    });
  });

  it('lists new and gone accounts and account status changes', () => {
    expect(diff.accounts.new).toEqual([{ accountId: '444444444444', name: 'new', status: 'SCANNED' }]);
    expect(diff.accounts.gone).toEqual([{ accountId: '333333333333', name: 'legacy', status: 'SCANNED' }]);
    expect(diff.accounts.statusChanged).toEqual([{ accountId: '222222222222', before: 'SCANNED', after: 'PARTIAL' }]);
  });

  it('lists resources new, gone, newly failing and fixed, for accounts in both runs only', () => {
    const res = (rows: { resource: string }[]) => rows.map((r) => r.resource);
    expect(res(diff.findings.new)).toEqual(['i-new']);
    expect(res(diff.findings.gone)).toEqual(['i-gone']);
    expect(res(diff.findings.newlyFailing)).toEqual(['i-2']);
    expect(res(diff.findings.fixed)).toEqual(['i-1']);
  });

  it('flags expired attestations and those expiring within 30 days', () => {
    expect(diff.attestations.expired).toEqual([
      { accountId: '444444444444', requirementId: 'SUP-001', owner: 'ops@example.com', expires: '2026-11-01', daysLeft: -18 },
    ]);
    expect(diff.attestations.expiring).toEqual([
      { accountId: '222222222222', requirementId: 'IAM-002', owner: 'sec@example.com', expires: '2026-12-01', daysLeft: 12 },
    ]);
    const far = diffRuns(old, next, new Date('2026-10-01T00:00:00.000Z'));
    expect(far.attestations.expiring).toEqual([]);
  });

  it('flags exceptions that expired or expire within 30 days', () => {
    expect(diff.exceptions.expired).toEqual([{ checkId: 'ec2-imdsv2-required', resource: 'i-old', owner: 'ops', expires: '2026-11-10', daysLeft: -9 }]);
    expect(diff.exceptions.expiring).toEqual([{ checkId: 'ec2-imdsv2-required', resource: 'i-legacy', owner: 'ops', expires: '2026-12-10', daysLeft: 21 }]);
  });

  it('decides --fail-on', () => {
    expect(meetsFailOn(diff, 'regression')).toBe(true);
    expect(meetsFailOn(diff, 'fail')).toBe(true);
    expect(meetsFailOn(diff, 'error')).toBe(true);
    const same = diffRuns(old, old, NOW);
    expect(meetsFailOn(same, 'regression')).toBe(false);
    expect(meetsFailOn(same, 'fail')).toBe(true);
    const clean = results({ requirements: [requirement('111111111111', 'X-1', 'ERROR')] });
    const cleanDiff = diffRuns(clean, clean, NOW);
    expect([meetsFailOn(cleanDiff, 'regression'), meetsFailOn(cleanDiff, 'fail'), meetsFailOn(cleanDiff, 'error')]).toEqual([false, false, true]);
  });

  it('is pure and deterministic', () => {
    const before = JSON.stringify(scenario());
    expect(renderDiffJson(diffRuns(old, next, NOW))).toBe(renderDiffJson(diff));
    expect(JSON.stringify({ old, next })).toBe(before);
  });

  it('refuses runs of different checklists', () => {
    expect(() => diffRuns(old, results({ checklist: { id: 'ftr-partner-hosted', version: '2026-02' } }), NOW)).toThrow(/different checklists/);
  });

  it('renders Markdown, text and JSON', () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toMatch(/^# Drift: smb-competency 2025-08/);
    expect(md).toContain('## Regressions (newly failing)');
    expect(md).toContain('| 111111111111 | IAM-002 | PASS | FAIL |');
    expect(md).toContain('| 444444444444 | IAM-002 | (none) | FAIL |');
    expect(md).toContain('## Attestations expired');
    expect(md).toContain('| partner | DOC-001 | MANUAL | FAIL |');
    expect(md).toContain('3 regressed, 1 fixed, 2 other changes, 1 new accounts, 1 gone accounts');
    expect(md).toContain('## Exceptions expiring within 30 days\n\n- ec2-imdsv2-required i-legacy (owner ops) expires 2026-12-10, 21 days left');
    const text = renderDiffText(diff);
    expect(text).toContain('REGRESSED:\n  partner DOC-001  MANUAL → FAIL\n  111111111111 IAM-002  PASS → FAIL');
    expect(text).toContain('Exceptions expired:\n  ec2-imdsv2-required i-old (owner ops) expires 2026-11-10');
    expect(text).toContain('Attestations expiring:\n  222222222222 IAM-002 (owner sec@example.com) expires 2026-12-01, 12 days left');
    expect(JSON.parse(renderDiffJson(diff)).requirements.regressions).toHaveLength(3);
  });

  it('escapes Markdown in resource names from the audited accounts', () => {
    const o = results({ accounts: [account('111111111111')] });
    const n = results({ accounts: [account('111111111111')], findings: [finding({ accountId: '111111111111', resource: 'bucket|<b>*x*', status: 'FAIL' })] });
    expect(renderDiffMarkdown(diffRuns(o, n, NOW))).toContain('bucket\\|\\<b\\>\\*x\\*');
  });
});

describe('partner-audit diff', () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  const writeRun = (root: string, name: string, r: Results): string => {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'results.json'), JSON.stringify(r));
    return dir;
  };

  const run = async (args: string[]): Promise<string> => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'partner-audit', 'diff', ...args]);
    return out;
  };

  it('exits 3 on regression and 0 when nothing regressed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-diff-'));
    const { old, next } = scenario();
    const a = writeRun(root, 'a', old);
    const b = writeRun(root, 'b', next);
    const out = await run([a, b, '--format', 'md']);
    expect(out).toContain('## Regressions');
    expect(process.exitCode).toBe(3);
    await run([a, a]);
    expect(process.exitCode).toBe(0);
    await run([a, a, '--fail-on', 'fail']);
    expect(process.exitCode).toBe(3);
  });

  it('names a missing run directory', async () => {
    await expect(run(['/nonexistent/a', '/nonexistent/b'])).rejects.toThrow(/no results.json in \/nonexistent\/a/);
  });
});
