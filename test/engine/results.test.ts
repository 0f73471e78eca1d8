import { describe, expect, it } from 'vitest';
import type { Attestation, FindingException } from '../../src/attest/types.js';
import type { Checklist, Requirement } from '../../src/contract/checklists/types.js';
import type { Finding } from '../../src/contract/results.js';
import { globToRegExp } from '../../src/engine/exceptions.js';
import { buildResults, type BuildResultsInput } from '../../src/engine/results.js';
import type { Manifest, ManifestAccount } from '../../src/snapshot/manifest.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const PROD = '111111111111';
const DEV = '222222222222';

const requirement = (id: string, extra: Partial<Requirement> = {}): Requirement => ({
  id, title: id, section: 'S', appliesTo: ['saas'], automation: 'full', scope: 'account', ...extra,
});

const CHECKLIST: Checklist = {
  id: 'smb-competency',
  version: '2025-08',
  title: 't',
  source: 'https://example.com',
  requirements: [
    requirement('SUP-001', { attestationOverridesFail: true }),
    requirement('S3-001'),
    requirement('WAFR-001', { automation: 'partial', scope: 'partner', attest: 'the review' }),
  ],
};

function account(accountId: string, tags?: Record<string, string>): ManifestAccount {
  return { accountId, status: 'SCANNED', regions: ['us-east-1'], skippedRegions: [], calls: {}, ...(tags && { tags }) };
}

const MANIFEST: Manifest = {
  schemaVersion: 1,
  tool: { name: 'partner-audit', version: '0' },
  runId: 'r',
  checklist: { id: CHECKLIST.id, version: CHECKLIST.version },
  configHash: 'h',
  startedAt: '2026-12-01T00:00:00Z',
  complete: true,
  accounts: [account(PROD, { Environment: 'production' }), account(DEV)],
  totals: { requests: 0, retries: 0, throttles: 0, errors: 0 },
};

function finding(accountId: string, requirementId: string, status: Finding['status'], resource: string, checkId = 'some-check'): Finding {
  return {
    checkId, requirementIds: [requirementId], accountId, region: 'global', resource, status, severity: 'high',
    message: `${status} ${resource}`, messageId: 'm', evidence: {}, requestIds: [],
  };
}

const statement = (owner: string, extra: Partial<Attestation> = {}): Attestation => ({
  status: 'met', evidence: ['contract.pdf'], owner, date: '2026-10-01', ...extra,
});

function build(extra: Partial<BuildResultsInput>): ReturnType<typeof buildResults> {
  return buildResults({
    manifest: MANIFEST,
    checklist: CHECKLIST,
    deploymentModel: 'saas',
    findings: [],
    attestations: new Map(),
    exceptions: [],
    now: NOW,
    ...extra,
  });
}

describe('buildResults', () => {
  it('writes one row per account for account-level requirements and one partner row for the others', () => {
    const results = build({});
    expect(results.schemaVersion).toBe(2);
    expect(results.requirements.map((r) => `${r.requirementId}/${r.scope}/${r.accountId ?? '-'}`)).toEqual([
      'WAFR-001/partner/-', `SUP-001/account/${PROD}`, `S3-001/account/${PROD}`, `SUP-001/account/${DEV}`, `S3-001/account/${DEV}`,
    ]);
    expect(results.accounts[0]!.tags).toEqual({ Environment: 'production' });
  });

  it('applies a statement limited by tag to the accounts carrying it, and the unlimited one elsewhere', () => {
    const findings = [finding(PROD, 'SUP-001', 'FAIL', PROD), finding(DEV, 'SUP-001', 'FAIL', DEV)];
    const attestations = new Map([['SUP-001', [statement('everyone', { status: 'not-met' }), statement('prod-team', { accounts: ['Environment=production'] })]]]);
    const rows = build({ findings, attestations }).requirements.filter((r) => r.requirementId === 'SUP-001');
    expect(rows.map((r) => [r.accountId, r.status, r.attestation?.owner])).toEqual([
      [PROD, 'ATTESTED', 'prod-team'],
      [DEV, 'FAIL', 'everyone'],
    ]);
    expect(rows[0]!.attestation?.accounts).toEqual(['Environment=production']);
  });

  it('covers FAIL and WARN findings with an exception, never ERROR, and counts what each exception covered', () => {
    const exceptions: FindingException[] = [
      { check: 'some-check', resource: 'arn:aws:s3:::www.*', reason: 'static site', owner: 'web', expires: '2027-01-01' },
      { check: 'some-check', resource: 'arn:aws:s3:::old', accounts: [DEV], reason: 'legacy', owner: 'ops', expires: '2026-11-30' },
    ];
    const findings = [
      finding(PROD, 'S3-001', 'FAIL', 'arn:aws:s3:::www.example.com'),
      finding(PROD, 'S3-001', 'ERROR', 'arn:aws:s3:::www.unreadable'),
      finding(DEV, 'S3-001', 'FAIL', 'arn:aws:s3:::old'),
      finding(PROD, 'S3-001', 'FAIL', 'arn:aws:s3:::old'),
      finding(DEV, 'S3-001', 'FAIL', 'arn:aws:s3:::www.example.com', 'other-check'),
    ];
    const results = build({ findings, exceptions });
    expect(results.findings.map((f) => f.exception?.owner ?? null)).toEqual(['web', null, 'ops', null, null]);
    expect(results.findings[2]!.exception).toEqual({ reason: 'legacy', owner: 'ops', expires: '2026-11-30', expired: true });
    expect(results.findings[2]!.status).toBe('FAIL');
    expect(results.exceptions.map((e) => [e.resource, e.covered, e.errorsNotCovered, e.expired])).toEqual([
      ['arn:aws:s3:::www.*', 1, 1, false],
      ['arn:aws:s3:::old', 1, 0, true],
    ]);
    const s3 = results.requirements.filter((r) => r.requirementId === 'S3-001');
    expect(s3.map((r) => r.status)).toEqual(['FAIL', 'FAIL']);
    expect(s3[1]!.reason).toMatch(/its exception expired on 2026-11-30/);
  });

  it('judges a partner-level requirement once, from every account', () => {
    const findings = [finding(DEV, 'WAFR-001', 'WARN', 'none reviewed'), finding(PROD, 'WAFR-001', 'PASS', 'workload/shop')];
    const attestations = new Map([['WAFR-001', [statement('architects')]]]);
    const [row] = build({ findings, attestations }).requirements;
    expect(row).toMatchObject({ requirementId: 'WAFR-001', scope: 'partner', status: 'PASS', attestation: { owner: 'architects' } });
    expect(row!.reason).toMatch(/^shown in account 111111111111: automated part passes; the rest attested as met/);
  });
});

describe('buildResults with a production scope', () => {
  const findings = () => [
    finding(PROD, 'S3-001', 'FAIL', 'arn:aws:s3:::prod-bucket'),
    finding(DEV, 'S3-001', 'FAIL', 'arn:aws:s3:::dev-bucket'),
    { ...finding(PROD, 'S3-001', 'FAIL', 'arn:aws:ec2:ap-south-1:x'), region: 'ap-south-1' },
    finding(DEV, 'WAFR-001', 'PASS', 'workload/dev-only'),
  ];

  it.each([
    ['by account ID', { accounts: [PROD], accountTags: {}, regions: [] }],
    ['by account tag', { accounts: [], accountTags: { Environment: 'production' }, regions: [] }],
  ])('judges only production accounts (%s); elsewhere findings are advisory and rows NOT_APPLICABLE', (_name, production) => {
    const results = build({ findings: findings(), production });
    expect(results.production).toEqual(production);
    expect(results.findings.map((f) => f.advisory ?? false)).toEqual([false, true, false, true]);
    const rows = results.requirements.filter((r) => r.requirementId === 'S3-001');
    expect(rows.map((r) => [r.accountId, r.status])).toEqual([[PROD, 'FAIL'], [DEV, 'NOT_APPLICABLE']]);
    expect(rows[1]!.reason).toMatch(/^not a production account \(production scope: accounts/);
    const partner = results.requirements.find((r) => r.requirementId === 'WAFR-001')!;
    expect(partner.status).toBe('MANUAL');
  });

  it('keeps findings of other regions as advisory, account-wide ones counted', () => {
    const results = build({ findings: findings(), production: { accounts: [], accountTags: {}, regions: ['us-east-1'] } });
    expect(results.findings.map((f) => f.advisory ?? false)).toEqual([false, false, true, false]);
  });

  it('without a scope judges every account and region', () => {
    const results = build({ findings: findings() });
    expect(results.production).toBeUndefined();
    expect(results.findings.every((f) => !f.advisory)).toBe(true);
  });
});

describe('globToRegExp', () => {
  it.each([
    ['arn:aws:s3:::www.*', 'arn:aws:s3:::www.example.com', true],
    ['arn:aws:s3:::www.*', 'arn:aws:s3:::wwwXexample', false],
    ['arn:aws:iam::*:user/ci-*', 'arn:aws:iam::111111111111:user/ci-deploy', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['a(b)+', 'a(b)+', true],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(globToRegExp(pattern).test(value)).toBe(expected);
  });
});
