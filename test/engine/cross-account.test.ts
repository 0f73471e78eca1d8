// The engine loads another account's datasets when a check first asks for them, and evaluates the
// check again: the verdicts must be those of an index that held every account from the start.
import { describe, expect, it } from 'vitest';
import { getChecklist } from '../../src/catalog/index.js';
import { defineCheck } from '../../src/contract/check.js';
import { defineDataset } from '../../src/contract/dataset.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import type { Finding } from '../../src/contract/results.js';
import { checkSettingsSchema } from '../../src/contract/settings.js';
import { evaluateRun, type EvidenceSource } from '../../src/engine/evaluate.js';
import type { Manifest, ManifestAccount } from '../../src/snapshot/manifest.js';
import { manifestFixture } from '../snapshot/fixtures.js';

const REGION = 'eu-west-1';
/** Each account names the account its findings go to; that account says whether it listens. */
const routes = defineDataset<{ to: string }>({ id: 'test.routes', scope: 'regional', actions: ['test:GetRoute'] });
const listener = defineDataset<{ listening: boolean }>({ id: 'test.listener', scope: 'regional', actions: ['test:GetListener'] });

function routedCheck(swallow: boolean) {
  return defineCheck({
    id: swallow ? 'test-routed-swallowing' : 'test-routed',
    title: 'Findings reach a listening account',
    description: 'Follows the route to another account.',
    requirements: { 'smb-competency': ['SUP-001'] },
    severity: 'low',
    remediation: 'Route to a listening account.',
    docsUrl: 'https://example.com',
    scope: 'region',
    uses: { routes },
    readsOtherAccounts: [listener],
    messages: { ok: 'reaches {to}', off: '{to} does not listen', unknown: '{to} was not collected' },
    evaluate: ({ data, region, org }) => {
      const to = data.routes.to;
      let view;
      try {
        view = org.dataset(listener, to, region);
      } catch (error) {
        // A careless check that swallows errors must still get the right verdict.
        if (!swallow) throw error;
      }
      if (!view || !view.ok) return [{ status: 'ERROR', resource: to, messageId: 'unknown', params: { to } }];
      return [{ status: view.data.listening ? 'PASS' : 'FAIL', resource: to, messageId: view.data.listening ? 'ok' : 'off', params: { to } }];
    },
  });
}

const id = (n: number) => String(n).padStart(12, '0');

function record(accountId: string, collector: string, data: unknown): DatasetRecord {
  return { accountId, region: REGION, collector, startedAt: 't', finishedAt: 't', requestIds: [`req-${accountId}`], ok: true, data };
}

function account(accountId: string): ManifestAccount {
  return { accountId, status: 'SCANNED', regions: [REGION], skippedRegions: [], calls: {} };
}

/** Counts how often each account's datasets are read. */
function source(accounts: string[], records: DatasetRecord[], reads: Map<string, number>): EvidenceSource {
  const manifest: Manifest = { ...manifestFixture(), complete: true, accounts: accounts.map(account) };
  return {
    manifest,
    datasets: async function* (accountId) {
      reads.set(accountId, (reads.get(accountId) ?? 0) + 1);
      yield* records.filter((r) => r.accountId === accountId);
    },
  };
}

async function judge(accounts: string[], records: DatasetRecord[], swallow = false) {
  const reads = new Map<string, number>();
  const findings = await evaluateRun(source(accounts, records, reads), {
    checks: [routedCheck(swallow)],
    checklist: getChecklist('smb-competency'),
    settings: checkSettingsSchema.parse({}),
    applicableRequirements: new Set(['SUP-001']),
    now: new Date('2026-11-01T00:00:00Z'),
    redact: (finding: Finding) => finding,
  });
  return { verdicts: findings.map((f) => `${f.accountId}→${f.resource}:${f.status}`), reads };
}

const [A, B, C, MISSING] = [id(1), id(2), id(3), id(9)];

describe('reading other accounts', () => {
  const records = [
    record(A, routes.id, { to: C }),
    record(B, routes.id, { to: A }),
    record(C, routes.id, { to: MISSING }),
    record(A, listener.id, { listening: false }),
    record(C, listener.id, { listening: true }),
  ];

  it.each([
    ['a check that lets the lookup fail', false],
    ['a check that swallows it', true],
  ])('gives %s the other account’s evidence, whether judged before or after it', async (_name, swallow) => {
    const { verdicts } = await judge([A, B, C], records, swallow);
    // A routes to C (judged later), B to A (judged earlier), C to an account the scan did not cover.
    expect(verdicts).toEqual([`${A}→${C}:PASS`, `${B}→${A}:FAIL`, `${C}→${MISSING}:ERROR`]);
  });

  it('reads an account asked for by many others once while it stays among the recent ones', async () => {
    const many = Array.from({ length: 200 }, (_, i) => id(100 + i));
    const central = id(50);
    const all = [central, ...many];
    const { verdicts, reads } = await judge(all, [
      record(central, listener.id, { listening: true }),
      record(central, routes.id, { to: central }),
      ...many.map((a) => record(a, routes.id, { to: central })),
    ]);
    expect(verdicts).toEqual(all.map((a) => `${a}→${central}:PASS`));
    // Once for its own evaluation, once for the lookups: not once per account that routes to it.
    expect(reads.get(central)).toBe(2);
    expect(many.every((a) => reads.get(a) === 1)).toBe(true);
  });

  it('keeps a bounded number of other accounts, reading one again after it was forgotten', async () => {
    // Each of 100 accounts routes to the next one, and the last to the second, asked for 98 accounts earlier.
    const ring = Array.from({ length: 100 }, (_, i) => id(1000 + i));
    const chain = ring.map((a, i) => record(a, routes.id, { to: ring[i + 1] ?? ring[1] }));
    const listening = ring.map((a) => record(a, listener.id, { listening: true }));
    const { verdicts, reads } = await judge(ring, [...chain, ...listening]);
    expect(verdicts.every((v) => v.endsWith(':PASS'))).toBe(true);
    // Asked for by the first account, read for its own evaluation, and asked for again once forgotten.
    expect(reads.get(ring[1]!)).toBe(3);
    expect(reads.get(ring[0]!)).toBe(1);
  });
});
