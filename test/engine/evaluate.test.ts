import { redact, REDACTED } from '../../src/snapshot/redact.js';
import type { Finding } from '../../src/contract/results.js';
import { describe, expect, it } from 'vitest';
import { getChecklist } from '../../src/catalog/index.js';
import { defineDataset } from '../../src/contract/dataset.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import { checkSettingsSchema } from '../../src/contract/settings.js';
import { defineCheck } from '../../src/contract/check.js';
import { evaluateAccounts, evaluateRun, formatMessage, type EvidenceSource } from '../../src/engine/evaluate.js';
import type { Manifest, ManifestAccount } from '../../src/snapshot/manifest.js';

const widgets = defineDataset<{ count: number }>({ id: 'test.widgets', scope: 'regional', actions: ['test:ListWidgets'] });
const plan = defineDataset<{ tier: string }>({ id: 'test.plan', scope: 'global', actions: ['test:GetPlan'] });

const countCheck = defineCheck({
  id: 'test-widgets-present',
  title: 'Widgets exist',
  description: 'Counts widgets.',
  requirements: { 'smb-competency': ['SUP-001'] },
  severity: 'low',
  remediation: 'Add widgets.',
  docsUrl: 'https://example.com',
  scope: 'region',
  uses: { widgets, plan },
  messages: { some: '{count} widgets on {tier}', none: 'no widgets' },
  evaluate: ({ data, accountId, region }) => {
    if (data.widgets.count < 0) throw new Error('negative widgets');
    if (data.widgets.count === 99) return [];
    return [
      {
        status: data.widgets.count > 0 ? 'PASS' : 'FAIL',
        resource: `arn:aws:test:${region}:${accountId}:widgets`,
        messageId: data.widgets.count > 0 ? 'some' : 'none',
        params: { count: data.widgets.count, tier: data.plan.tier },
        evidence: { count: data.widgets.count, secretAccessKey: 'should-not-survive' },
      },
    ];
  },
});

const advisoryCheck = defineCheck({
  ...countCheck,
  id: 'test-imds',
  requirements: { 'smb-competency': ['AWSAPI-004'] },
  scope: 'region',
  uses: { widgets },
  messages: { ok: 'ok' },
  evaluate: () => [{ status: 'FAIL', resource: 'r', messageId: 'ok' }],
});

function record(accountId: string, region: string, collector: string, data: unknown, requestIds = ['req-1']): DatasetRecord {
  return { accountId, region, collector, startedAt: 't', finishedAt: 't', requestIds, ok: true, data };
}

function failed(accountId: string, region: string, collector: string, kind: 'access-denied' | 'scp-denied', code: string): DatasetRecord {
  return {
    accountId,
    region,
    collector,
    startedAt: 't',
    finishedAt: 't',
    requestIds: ['req-denied'],
    ok: false,
    error: { kind, code, message: `${code} for test`, action: 'test:ListWidgets' },
  };
}

function account(accountId: string, extra: Partial<ManifestAccount> = {}): ManifestAccount {
  return { accountId, status: 'SCANNED', regions: ['eu-west-1'], skippedRegions: [], calls: {}, ...extra };
}

function source(accounts: ManifestAccount[], records: DatasetRecord[]): EvidenceSource {
  const manifest: Manifest = {
    schemaVersion: 1,
    tool: { name: 'partner-audit', version: 'test' },
    runId: 'r',
    checklist: { id: 'smb-competency', version: '2025-08' },
    configHash: 'h',
    callerIdentity: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/x' },
    startedAt: '2026-11-01T00:00:00Z',
    complete: true,
    accounts,
    totals: { requests: 0, retries: 0, throttles: 0, errors: 0 },
  };
  return {
    manifest,
    datasets: async function* (accountId) {
      yield* records.filter((r) => r.accountId === accountId);
    },
  };
}

const options = {
  checks: [countCheck],
  checklist: getChecklist('smb-competency'),
  settings: checkSettingsSchema.parse({}),
  applicableRequirements: new Set(['SUP-001']),
  now: new Date('2026-11-01T00:00:00Z'),
  redact: (finding: Finding) => {
    const { secretAccessKey: _secret, ...rest } = finding.evidence;
    return { ...finding, evidence: rest };
  },
};

const A = '111111111111';

describe('evaluateRun', () => {
  it('hands each whole finding to redact, so a secret in a message never reaches results (reports trust this)', async () => {
    const planted = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const findings = await evaluateRun(
      source([account(A)], [record(A, 'eu-west-1', 'test.widgets', { count: 3 }), record(A, 'global', 'test.plan', { tier: planted })]),
      { ...options, redact: (finding: Finding) => redact(finding, { secrets: [planted] }) },
    );
    expect(findings.map((f) => f.message)).toEqual([`3 widgets on ${REDACTED}`]);
    expect(JSON.stringify(findings)).not.toContain(planted);
  });

  it('formats the check message, keeps request IDs and redacts evidence', async () => {
    const findings = await evaluateRun(
      source([account(A)], [record(A, 'eu-west-1', 'test.widgets', { count: 3 }, ['w1']), record(A, 'global', 'test.plan', { tier: 'gold' }, ['p1'])]),
      options,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        checkId: 'test-widgets-present',
        requirementIds: ['SUP-001'],
        status: 'PASS',
        region: 'eu-west-1',
        message: '3 widgets on gold',
        messageId: 'test-widgets-present.some',
        requestIds: ['w1', 'p1'],
        evidence: { count: 3 },
      }),
    ]);
  });

  it.each([
    ['missing dataset', [record(A, 'global', 'test.plan', { tier: 'g' })], 'ERROR', 'engine.datasetMissing'],
    [
      'access denied',
      [failed(A, 'eu-west-1', 'test.widgets', 'access-denied', 'AccessDenied'), record(A, 'global', 'test.plan', { tier: 'g' })],
      'ERROR',
      'engine.datasetFailed',
    ],
    [
      'a service an SCP denies in an open region',
      [failed(A, 'eu-west-1', 'test.widgets', 'scp-denied', 'AccessDenied'), record(A, 'global', 'test.plan', { tier: 'g' })],
      'ERROR',
      'engine.deniedByScp',
    ],
    [
      'a global dataset an SCP denies (as Support, IAM or Organizations would be)',
      [record(A, 'eu-west-1', 'test.widgets', { count: 3 }), failed(A, 'global', 'test.plan', 'scp-denied', 'AccessDeniedException')],
      'ERROR',
      'engine.deniedByScp',
    ],
    ['check throws', [record(A, 'eu-west-1', 'test.widgets', { count: -1 }), record(A, 'global', 'test.plan', { tier: 'g' })], 'ERROR', 'engine.checkFailed'],
    ['check returns nothing', [record(A, 'eu-west-1', 'test.widgets', { count: 99 }), record(A, 'global', 'test.plan', { tier: 'g' })], 'ERROR', 'engine.noOutcome'],
  ] as const)('%s never reaches evaluate as a pass', async (_name, records, status, messageId) => {
    const findings = await evaluateRun(source([account(A)], [...records]), options);
    expect(findings.map((f) => [f.status, f.messageId])).toEqual([[status, messageId]]);
  });

  it('names the failed dataset, its error and the IAM action', async () => {
    const [finding] = await evaluateRun(
      source([account(A)], [failed(A, 'eu-west-1', 'test.widgets', 'access-denied', 'AccessDenied'), record(A, 'global', 'test.plan', { tier: 'g' })]),
      options,
    );
    expect(finding!.message).toBe(
      'Could not collect test.widgets in eu-west-1 (AccessDenied: AccessDenied for test). The audit role needs test:ListWidgets.',
    );
  });

  it('reports every check of an unreachable account as ERROR with the reason', async () => {
    const findings = await evaluateRun(source([account(A, { status: 'ERROR', error: 'AssumeRole denied' })], []), options);
    expect(findings).toEqual([expect.objectContaining({ status: 'ERROR', message: 'Account could not be scanned: AssumeRole denied' })]);
  });

  const closed = { region: 'ap-south-1', reason: 'closed by a service control policy', closedByScp: true as const };

  it('makes every finding in an SCP-closed region NOT_APPLICABLE, even where its services answered', async () => {
    const findings = await evaluateRun(
      source(
        [account(A, { skippedRegions: [closed] })],
        [
          record(A, 'eu-west-1', 'test.widgets', { count: 1 }),
          // Answered (an exempt service), yet the region is closed: nothing to judge there.
          record(A, 'ap-south-1', 'test.widgets', { count: 0 }),
          record(A, 'global', 'test.plan', { tier: 'g' }),
        ],
      ),
      options,
    );
    expect(findings.map((f) => [f.region, f.status, f.messageId])).toEqual([
      ['ap-south-1', 'NOT_APPLICABLE', 'engine.regionClosed'],
      ['eu-west-1', 'PASS', 'test-widgets-present.some'],
    ]);
  });

  it('judges a check in a closed region it names in judgedWhenClosed', async () => {
    const judged = defineCheck({ ...countCheck, id: 'test-judged', judgedWhenClosed: ['ap-south-1'] });
    const findings = await evaluateRun(
      source([account(A, { skippedRegions: [closed] })], [record(A, 'ap-south-1', 'test.widgets', { count: 0 }), record(A, 'global', 'test.plan', { tier: 'g' })]),
      { ...options, checks: [judged] },
    );
    expect(findings.find((f) => f.region === 'ap-south-1')).toMatchObject({ status: 'FAIL', messageId: 'test-judged.none' });
  });

  it('a dataset the SCP denies in a closed region it judges is NOT_APPLICABLE there, not an error', async () => {
    const judged = defineCheck({ ...countCheck, id: 'test-judged', judgedWhenClosed: ['ap-south-1'] });
    const findings = await evaluateRun(
      source([account(A, { skippedRegions: [closed] })], [failed(A, 'ap-south-1', 'test.widgets', 'scp-denied', 'AccessDenied'), record(A, 'global', 'test.plan', { tier: 'g' })]),
      { ...options, checks: [judged] },
    );
    expect(findings.find((f) => f.region === 'ap-south-1')).toMatchObject({ status: 'NOT_APPLICABLE', messageId: 'engine.regionDenied' });
  });

  it('a dataset collected without the question a check asks is an error, never a miss', async () => {
    const questioned = defineDataset<{ asked: string[] }>({ id: 'test.questions', scope: 'regional', actions: ['test:Ask'], answered: (d) => d.asked });
    const asking = defineCheck({
      ...countCheck,
      id: 'test-asking',
      uses: { q: questioned },
      asks: [{ dataset: questioned, questions: ['q1', 'q2'] }],
      messages: { ok: 'ok' },
      evaluate: () => [{ status: 'PASS' as const, resource: 'r', messageId: 'ok' }],
    });
    const findings = await evaluateRun(source([account(A)], [record(A, 'eu-west-1', 'test.questions', { asked: ['q1'] })]), { ...options, checks: [asking] });
    expect(findings).toEqual([expect.objectContaining({ status: 'ERROR', messageId: 'engine.questionsNotAsked', message: expect.stringContaining('without asking q2') })]);
  });

  it('marks findings advisory when none of their requirements applies to the deployment model', async () => {
    const findings = await evaluateRun(source([account(A)], [record(A, 'eu-west-1', 'test.widgets', { count: 1 })]), {
      ...options,
      checks: [advisoryCheck],
    });
    expect(findings).toEqual([expect.objectContaining({ status: 'FAIL', advisory: true })]);
  });

  it('skips checks that map to no requirement of the selected checklist', async () => {
    const findings = await evaluateRun(source([account(A)], []), { ...options, checklist: getChecklist('ftr-partner-hosted') });
    expect(findings).toEqual([]);
  });
});

describe('evaluateAccounts', () => {
  const B = '222222222222';
  const C = '333333333333';
  const recordsOf = (id: string) => [record(id, 'eu-west-1', 'test.widgets', { count: 1 }), record(id, 'global', 'test.plan', { tier: 'gold' })];

  it('reads the next account’s datasets while the current one is judged', async () => {
    const base = source([account(A), account(B), account(C)], [...recordsOf(A), ...recordsOf(B), ...recordsOf(C)]);
    const asked: string[] = [];
    const watched: EvidenceSource = { ...base, datasets: (id) => (asked.push(id), base.datasets(id)) };
    const seen: string[][] = [];
    for await (const batch of evaluateAccounts(watched, options)) seen.push([batch.account.accountId, ...asked]);
    // The caller's organization datasets first (A), then each account's, one ahead of its turn.
    expect(seen).toEqual([
      [A, A, A, B],
      [B, A, A, B, C],
      [C, A, A, B, C],
    ]);
  });

  it('reports an account whose datasets cannot be read at its turn, after the accounts before it', async () => {
    const base = source([account(A), account(B), account(C)], [...recordsOf(A), ...recordsOf(C)]);
    const broken: EvidenceSource = {
      ...base,
      datasets: (id) => (id === B ? (async function* () { throw new Error(`${B}: not valid JSON`); })() : base.datasets(id)),
    };
    const judged: string[] = [];
    const run = async () => {
      for await (const batch of evaluateAccounts(broken, options)) {
        judged.push(batch.account.accountId);
        // B's read fails meanwhile, before anything awaits it: no unhandled rejection may come of it.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await expect(run()).rejects.toThrow(`${B}: not valid JSON`);
    expect(judged).toEqual([A]);
  });
});

describe('formatMessage', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
