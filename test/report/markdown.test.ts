import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FINDINGS_LISTED, MAX_MATRIX_ACCOUNTS, markdownReporter, mdText, renderMarkdownSummary } from '../../src/report/markdown.js';
import { EXPECTED, HOSTILE_IMG, largeReportInput, reportInput, withBaseline } from '../fixtures/report-input.js';

/** The lines of the table that follows `## heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}`);
  expect(start).toBeGreaterThan(-1);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end).split('\n').filter((line) => line.startsWith('| '));
}

/** Splits a table row on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

describe('markdownReporter', () => {
  let markdown: string;
  beforeAll(async () => {
    markdown = await renderMarkdownSummary(reportInput());
  });

  it('is the markdown format written to summary.md', async () => {
    expect(markdownReporter.format).toBe('markdown');
    expect(markdownReporter.fileName).toBe('summary.md');
    expect(await markdownReporter.render(reportInput())).toBe(markdown);
  });

  it('opens with the checklist, model, time, tool, caller and coverage', async () => {
    const [title, , facts, , verdict, , totals] = markdown.split('\n');
    expect(title).toBe('# SMB Competency technical validation (smb-competency 2025-08)');
    expect(facts).toBe(
      '**saas** model · scanned 2026-11-20 09:00:00 UTC to 2026-11-20 09:04:31 UTC · partner-audit 0.1.0 · ' +
        'as arn:aws:sts::999999999999:assumed-role/PartnerAuditRole/audit · 4 accounts (2 scanned, 1 partial, 1 failed) · 2 regions',
    );
    expect(verdict).toBe('**6 of 7 requirements need action (3 fail, 3 could not be checked); 0 to review, 0 to attest.**');
    expect(totals).toBe('Requirement rows: 3 **FAIL** · 7 **ERROR** · 1 WARN · 1 MANUAL · 4 ATTESTED · 9 PASS · 4 NOT_APPLICABLE');
    expect(markdown).not.toContain('Incomplete scan');
  });

  it('ranks what to fix first: failures, then by severity and accounts, each with where and why', async () => {
    const rows = tableAfter(markdown, 'Fix first').slice(2).map(cells);
    expect(rows.map((r) => r[0]!.split(' ')[0])).toEqual(['IAM-002', 'SECOPS-001', 'AWSAPI-004', 'IAM-005', 'SUP-001', 'OPE-001']);
    expect(rows[0]).toEqual(['IAM-002 Root user has MFA and no access keys', '**FAIL**', 'critical', '222222222222', 'Root user has no MFA device.']);
    expect(rows[3]).toEqual(['IAM-005 Long-lived IAM user keys are rotated', '**ERROR**', 'medium', '444444444444', 'Could not assume PartnerAuditRole: AccessDenied']);
  });

  it('has an account × requirement matrix of the account-level requirements that need attention, and a legend', async () => {
    const rows = tableAfter(markdown, 'Account-level requirements needing attention');
    expect(cells(rows[0]!)).toEqual([
      'Requirement', 'Overall', 'payments-prod (111111111111)', 'payments-staging (222222222222)', 'data-lake (333333333333)', 'legacy-sandbox (444444444444)',
    ]);
    expect(rows).toHaveLength(2 + 6);
    expect(cells(rows[2]!)).toEqual(['IAM-002 Root user has MFA and no access keys', '**FAIL**', 'PASS', '**FAIL**', 'PASS', '**ERROR**']);
    expect(rows.some((r) => r.startsWith('| REL-001') || r.startsWith('| DOC-001'))).toBe(false);
    expect(markdown).toContain('Met, attested or not applicable in every account: REL-001.');
    expect(markdown).toContain('Legend: **FAIL** checked and not met · **ERROR** could not be checked');
    expect(markdown).toContain('Requirement rows (29): one per account for each account-level requirement (28) and one for each partner-level requirement (1). Findings (25)');
  });

  it('lists partner-level requirements once, not per account', async () => {
    const rows = tableAfter(markdown, 'Partner-level requirements');
    expect(rows.slice(2).map(cells)).toEqual([['DOC-001 Architecture diagram is current', 'ATTESTED', '']]);
  });

  it('lists accepted exceptions with what they cover and flags the expired ones', async () => {
    const rows = tableAfter(markdown, 'Accepted exceptions').slice(2).map(cells);
    expect(rows[0]).toEqual(['iam-access-keys-rotated', 'arn:aws:iam::\\*:user/ci-deployer', 'all accounts', 'Deploy key for the legacy pipeline, removed with the migration', 'platform-team', '2027-01-15', '1']);
    expect(rows[1]![5]).toBe('**expired 2026-10-01**');
  });

  it('lists failing findings with account, region, resource, message and remediation, leaving advisory ones out', async () => {
    const rows = tableAfter(markdown, 'Failing findings');
    const advisory = 1;
    expect(markdown).toContain(`## Failing findings (${EXPECTED.findingCounts.FAIL - advisory})`);
    expect(rows).toHaveLength(2 + EXPECTED.findingCounts.FAIL - advisory);
    const failing = rows.slice(2);
    expect(failing.map((r) => cells(r)[1])).toEqual(['222222222222', '222222222222', '111111111111', '111111111111']);
    expect(cells(failing[1]!)).toEqual(['SECOPS-001', '222222222222', 'eu-west-1', '222222222222/eu-west-1', 'No GuardDuty detector in this region.', 'Change the configuration until: GuardDuty is enabled in every scanned region.']);
    expect(markdown).not.toContain('(advisory)');
  });

  it('lists what could not be checked', async () => {
    expect(markdown).toContain(`## Could not be checked (${EXPECTED.findingCounts.ERROR})`);
    expect(markdown).toContain('| SECOPS-001 | 333333333333 | eu-west-1 | 333333333333/eu-west-1 | Could not read detectors: AccessDenied (guardduty:ListDetectors). |');
  });

  it('lists manual items outstanding and expired attestations with what to attest', async () => {
    const rows = tableAfter(markdown, 'Manual items outstanding');
    expect(rows).toHaveLength(3);
    expect(cells(rows[2]!)).toEqual([
      'OPE-001',
      'Workloads raise alarms on failure',
      '111111111111, 222222222222, 333333333333',
      'Who receives alarms and how they respond. Attestation expired 2026-09-01; renew it.',
    ]);
  });

  it('neutralizes hostile resource names and escapes pipes in cells', async () => {
    expect(markdown).not.toContain(HOSTILE_IMG);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
    const hostileRow = tableAfter(markdown, 'Failing findings').find((r) => r.includes('\\<\\/script\\>') || r.includes('\\</script'));
    expect(hostileRow).toContain('\\|pipe');
    expect(cells(hostileRow!)).toHaveLength(6);
  });

  it('mdText keeps a cell on one line and inert', async () => {
    expect(mdText('a|b\nc *d* [e](f) `g`')).toBe('a\\|b c \\*d\\* \\[e\\](f) \\`g\\`');
  });

  it('reports changes since a baseline when given one', async () => {
    const withChanges = await renderMarkdownSummary(withBaseline(reportInput()));
    expect(withChanges).toContain('## Changes since 2026-11-13 09:00:00 UTC');
    expect(withChanges).toContain('- Newly failing: IAM-002 in 1 account (222222222222)');
    expect(withChanges).toContain('- Fixed: AWSAPI-004 in 1 account (222222222222)');
    expect(withChanges).toContain('- New accounts: 444444444444');
    expect(withChanges).toContain('- Gone accounts: 555555555555');
    expect(markdown).not.toContain('## Changes since');
  });

  it('flags an incomplete scan', async () => {
    const input = reportInput();
    input.manifest.complete = false;
    expect(await renderMarkdownSummary(input)).toContain('> **Incomplete scan:**');
  });
});

describe('markdown for a large run', () => {
  const input = largeReportInput({ accounts: 200, regions: 4 });
  let markdown: string;
  beforeAll(async () => {
    markdown = await renderMarkdownSummary(input);
  });

  it('switches to status counts per requirement when there are too many accounts', async () => {
    expect(input.results.accounts.length).toBeGreaterThan(MAX_MATRIX_ACCOUNTS);
    const rows = tableAfter(markdown, 'Account-level requirements needing attention');
    expect(cells(rows[0]!)).toEqual(['Requirement', 'Overall', '**FAIL**', '**ERROR**', 'WARN', 'MANUAL', 'ATTESTED', 'PASS', 'NOT_APPLICABLE']);
    for (const row of rows.slice(2)) {
      const counts = cells(row).slice(2).map(Number);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    }
  });

  it('caps the findings listed and says how many more there are', async () => {
    const failing = input.results.findings.filter((f) => f.status === 'FAIL').length;
    expect(failing).toBeGreaterThan(MAX_FINDINGS_LISTED);
    expect(tableAfter(markdown, 'Failing findings').length).toBeGreaterThanOrEqual(MAX_FINDINGS_LISTED + 2);
    expect(markdown).toContain(`…and ${failing - MAX_FINDINGS_LISTED} more in report.html.`);
  });
});
