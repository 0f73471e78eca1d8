// The views are tested against two fixture checks; meta.test.ts holds the real set to the catalog.
import { describe, expect, it } from 'vitest';
import { closestId } from '../../src/catalog/closest.js';
import { listChecks, renderCheck, renderCheckListing, renderRequirement } from '../../src/catalog/describe.js';
import { getChecklist, listChecklists } from '../../src/catalog/index.js';
import { explain } from '../../src/cli/commands/explain.js';
import { UsageError } from '../../src/errors.js';
import { renderChecksMarkdown } from '../../src/generate/checks-md.js';
import { FIXTURE_CHECKS, keysFixture } from './fixture-checks.js';

const smb = getChecklist('smb-competency');
const ftr = getChecklist('ftr-partner-hosted');

describe('checks listing', () => {
  it('lists the checks mapped to the checklist with requirement IDs, severity and IAM actions', () => {
    expect(listChecks(FIXTURE_CHECKS, smb)).toEqual([
      {
        id: 'iam-access-keys-interactive-only',
        title: 'Static access keys belong to people',
        requirementIds: ['IAM-002'],
        severity: 'critical',
        actions: ['iam:GenerateCredentialReport', 'iam:GetAccountAuthorizationDetails', 'iam:GetCredentialReport'],
      },
      expect.objectContaining({ id: 'support-plan-business', requirementIds: ['SUP-001'], actions: ['support:DescribeSeverityLevels'] }),
    ]);
    expect(listChecks(FIXTURE_CHECKS, ftr).map((c) => c.id)).toEqual(['support-plan-business']);
  });

  it('renders a text block per check under a heading naming the checklist release', () => {
    const text = renderCheckListing(listChecks(FIXTURE_CHECKS, ftr), ftr);
    expect(text).toBe(
      [
        '1 checks for ftr-partner-hosted@2026-02',
        '',
        'support-plan-business  [high]  SUP-001',
        '  A Business-level support plan or higher is active',
        '  IAM actions: support:DescribeSeverityLevels',
        '',
      ].join('\n'),
    );
  });
});

describe('explain', () => {
  it('prints every field of a check, requirements per checklist and optional evidence marked', () => {
    const text = renderCheck(keysFixture, listChecklists());
    expect(text.split('\n')).toEqual([
      'iam-access-keys-interactive-only: Static access keys belong to people',
      '  Reads the credential report.',
      '',
      '  Requirements:  smb-competency@2025-08: IAM-002',
      '  Severity:      critical',
      '  Scope:         account',
      '  Evidence:      iam.credentialReport, iam.authorizationDetails (when available)',
      '  IAM actions:   iam:GenerateCredentialReport, iam:GetAccountAuthorizationDetails, iam:GetCredentialReport',
      '  Remediation:   Replace service user keys with roles.',
      '  Docs:          https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
      '',
    ]);
  });

  it('prints a requirement with the checks covering it', () => {
    const text = renderRequirement(smb.requirements.find((r) => r.id === 'SUP-001')!, smb, FIXTURE_CHECKS);
    expect(text).toContain('SUP-001 (smb-competency@2025-08): Business Support or higher on production accounts');
    expect(text).toContain('  Applies to:  SaaS, Customer Deployed\n');
    expect(text).toContain('  Automation:  full\n');
    expect(text).toContain('  Checks:      support-plan-business (A Business-level support plan or higher is active)\n');
  });

  it('shows a requirement ID from every checklist that has it, unless one is chosen', () => {
    const both = explain('iam-005', FIXTURE_CHECKS, {});
    expect(both).toContain('IAM-005 (smb-competency@2025-08): AWS Health RISK events open tickets within an SLA');
    expect(both).toContain('IAM-005 (ftr-partner-hosted@2026-02): Roles for third-party access');
    expect(both).toContain('Checks:      none (the partner attests)');
    const one = explain('IAM-005', FIXTURE_CHECKS, { checklist: 'ftr-partner-hosted' });
    expect(one).not.toContain('smb-competency');
  });

  it('prints JSON arrays for checks and requirements', () => {
    const [check] = JSON.parse(explain('support-plan-business', FIXTURE_CHECKS, { json: true }));
    expect(check).toMatchObject({
      kind: 'check',
      requirements: { 'smb-competency@2025-08': ['SUP-001'], 'ftr-partner-hosted@2026-02': ['SUP-001'] },
      evidence: [{ collector: 'support.plan', optional: false }],
      actions: ['support:DescribeSeverityLevels'],
    });
    const [requirement] = JSON.parse(explain('SUP-001', FIXTURE_CHECKS, { json: true, checklist: 'smb-competency' }));
    expect(requirement).toMatchObject({ kind: 'requirement', checklist: 'smb-competency@2025-08', id: 'SUP-001', checks: ['support-plan-business'] });
  });

  it.each([
    ['IAM-02', 'IAM-002'],
    ['support-plan-busines', 'support-plan-business'],
    ['secops-01', 'SECOPS-001'],
  ])('rejects unknown id %s and suggests %s', (wanted, suggestion) => {
    expect(() => explain(wanted, FIXTURE_CHECKS, {})).toThrow(new UsageError(`unknown check or requirement "${wanted}"; did you mean "${suggestion}"?`));
  });

  it('closestId picks the smallest edit distance', () => {
    expect(closestId('guardduty-enable', ['guardduty-enabled', 'config-rules-active'])).toBe('guardduty-enabled');
    expect(closestId('x', [])).toBeUndefined();
    expect(closestId('zzzzzz', ['regions'], 2)).toBeUndefined();
  });
});

describe('renderChecksMarkdown', () => {
  const markdown = renderChecksMarkdown(FIXTURE_CHECKS, listChecklists());

  it('tables every check with its requirement IDs per checklist', () => {
    expect(markdown).toContain('| Check | Severity | smb-competency@2025-08 | ftr-partner-hosted@2026-02 |');
    expect(markdown).toContain('| [`iam-access-keys-interactive-only`](#iam-access-keys-interactive-only) | critical | IAM-002 | – |');
  });

  it('shows which checks cover each automated requirement', () => {
    expect(markdown).toContain('| SUP-001 | Business Support or higher on production accounts | full | account | `support-plan-business` |');
    expect(markdown).toContain('| SECOPS-011 | TLS certificates renew automatically | full | account | – |');
    expect(markdown).toMatch(/Judged once for the partner rather than per account \(\d+\): 1\.1, 1\.2, /);
  });

  it('gives each check its evidence sources, IAM actions, severity and remediation', () => {
    const section = markdown.slice(markdown.indexOf('## iam-access-keys-interactive-only'));
    expect(section).toContain('- Evidence sources: `iam.credentialReport`, `iam.authorizationDetails` (when available)');
    expect(section).toContain('- IAM actions: `iam:GenerateCredentialReport`, `iam:GetAccountAuthorizationDetails`, `iam:GetCredentialReport`');
    expect(section).toContain('- Severity: critical; scope: account');
    expect(section).toContain('- Remediation: Replace service user keys with roles.');
  });
});
