import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChecksums } from '../../src/bundle/checksums.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import { UsageError } from '../../src/errors.js';
import type { Finding, Results } from '../../src/contract/results.js';
import { mergeRuns } from '../../src/bookkeeping/merge.js';
import { writeChunks } from '../../src/snapshot/chunk-writer.js';
import { resultsJsonChunks } from '../../src/snapshot/results-file.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { account, finding, manifest, manifestAccount, partnerRequirement, requirement, results } from './fixtures.js';
import { getChecklist } from '../../src/catalog/index.js';

const record = (accountId: string, collector: string, region = 'global'): DatasetRecord => ({
  accountId, region, collector, startedAt: 't', finishedAt: 't', requestIds: ['r'], ok: true, data: { accountId, collector },
});

function writeShard(root: string, name: string, m: Manifest, r: Results, datasets: Record<string, DatasetRecord[]>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'datasets'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
  writeFileSync(join(dir, 'results.json'), JSON.stringify(r));
  for (const [file, records] of Object.entries(datasets)) {
    writeFileSync(join(dir, 'datasets', file), records.map((x) => JSON.stringify(x)).join('\n') + '\n');
  }
  return dir;
}

function twoShards(root: string): string[] {
  const caller = { accountId: '999999999999', arn: 'arn:aws:iam::999999999999:role/scanner' };
  const a = writeShard(
    root,
    'shard-1',
    manifest({
      runId: 'nightly-1', shard: { index: 1, count: 2 }, callerIdentity: caller,
      startedAt: '2026-11-01T00:00:05.000Z', finishedAt: '2026-11-01T00:20:00.000Z',
      accounts: [manifestAccount('333333333333'), manifestAccount('111111111111')],
      totals: { requests: 10, retries: 1, throttles: 1, errors: 0 },
    }),
    results({
      startedAt: '2026-11-01T00:00:05.000Z', finishedAt: '2026-11-01T00:20:00.000Z',
      accounts: [account('333333333333'), account('111111111111')],
      requirements: [
        partnerRequirement('SBR-002', 'ATTESTED', { attestation: { status: 'met', owner: 'gtm', date: '2026-10-01', evidence: ['gtm.pdf'], expired: false } }),
        requirement('333333333333', 'IAM-002', 'PASS'),
        requirement('111111111111', 'IAM-002', 'FAIL'),
      ],
      findings: [finding({ accountId: '111111111111', resource: 'i-1', status: 'FAIL' })],
      exceptions: [EXCEPTION_SUMMARY],
    }),
    {
      '111111111111.jsonl': [record('111111111111', 'iam.credentialReport')],
      '333333333333.jsonl': [record('333333333333', 'iam.credentialReport')],
      '999999999999.jsonl': [record('999999999999', 'health.organization')],
    },
  );
  const b = writeShard(
    root,
    'shard-2',
    manifest({
      runId: 'nightly-2', shard: { index: 2, count: 2 }, callerIdentity: caller,
      startedAt: '2026-11-01T00:00:01.000Z', finishedAt: '2026-11-01T00:30:00.000Z',
      accounts: [manifestAccount('222222222222')],
      totals: { requests: 5, retries: 2, throttles: 0, errors: 1 },
    }),
    results({
      startedAt: '2026-11-01T00:00:01.000Z', finishedAt: '2026-11-01T00:30:00.000Z',
      accounts: [account('222222222222')],
      requirements: [requirement('222222222222', 'IAM-002', 'PASS'), partnerRequirement('SBR-002', 'ATTESTED')],
      exceptions: [{ ...EXCEPTION_SUMMARY, covered: 2 }],
    }),
    {
      '222222222222.jsonl': [record('222222222222', 'iam.credentialReport')],
      '999999999999.jsonl': [record('999999999999', 'health.organization'), record('999999999999', 'organizations.membership')],
    },
  );
  return [a, b];
}

const EXCEPTION_SUMMARY = { checkId: 'ec2-imdsv2-required', resource: 'i-9', reason: 'vendor', owner: 'ops', expires: '2027-01-01', expired: false, covered: 1, errorsNotCovered: 0 };

describe('mergeRuns', () => {
  it('writes one manifest with every account, every dataset and merged results', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    const out = join(root, 'merged');
    const { manifest: m, results: r, findings } = await mergeRuns(out, twoShards(root));
    expect(m.accounts.map((a) => a.accountId)).toEqual(['111111111111', '222222222222', '333333333333']);
    expect(m.shard).toBeUndefined();
    expect(m.runId).toMatch(/^merged-[0-9a-f]{12}$/);
    expect(m.startedAt).toBe('2026-11-01T00:00:01.000Z');
    expect(m.finishedAt).toBe('2026-11-01T00:30:00.000Z');
    expect(m.totals).toEqual({ requests: 15, retries: 3, throttles: 1, errors: 1 });
    expect(m.complete).toBe(true);
    expect(r.accounts.map((a) => a.accountId)).toEqual(['111111111111', '222222222222', '333333333333']);
    const accountRows = r.requirements.filter((x) => x.scope === 'account');
    expect(accountRows.map((x) => `${x.accountId}:${x.status}`)).toEqual(['111111111111:FAIL', '222222222222:PASS', '333333333333:PASS']);
    const partnerRows = r.requirements.filter((x) => x.scope === 'partner');
    expect(partnerRows.map((x) => x.requirementId)).toEqual(getChecklist('smb-competency').requirements.filter((q) => q.scope === 'partner').map((q) => q.id));
    expect(partnerRows.find((x) => x.requirementId === 'SBR-002')).toMatchObject({ status: 'ATTESTED', attestation: { owner: 'gtm' } });
    expect(partnerRows.find((x) => x.requirementId === 'SBR-001')?.status).toBe('MANUAL');
    expect(r.exceptions).toEqual([{ ...EXCEPTION_SUMMARY, covered: 3 }]);
    const merged: Finding[] = [];
    for await (const f of findings.each()) merged.push(f);
    expect(merged.map((f) => f.resource)).toEqual(['i-1']);
    expect(findings.count).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual(m);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))).toEqual({ ...r, findings: merged });
    expect(readdirSync(join(out, 'datasets')).sort()).toEqual(['111111111111.jsonl', '222222222222.jsonl', '333333333333.jsonl', '999999999999.jsonl']);
    const callerLines = readFileSync(join(out, 'datasets', '999999999999.jsonl'), 'utf8').trim().split('\n');
    expect(callerLines.map((l) => JSON.parse(l).collector)).toEqual(['health.organization', 'organizations.membership']);
    const sums = await readChecksums(out);
    expect([...sums.keys()]).toEqual([
      'datasets/111111111111.jsonl', 'datasets/222222222222.jsonl', 'datasets/333333333333.jsonl', 'datasets/999999999999.jsonl',
      'manifest.json', 'results.json',
    ]);
    expect(sums.get('results.json')).toBe(createHash('sha256').update(readFileSync(join(out, 'results.json'))).digest('hex'));
  });

  it('streams the shards\' findings in account order into a results.json of one finding per line', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    const shard = async (name: string, accounts: string[], findings: Finding[]): Promise<string> => {
      const r = results({ accounts: accounts.map((id) => account(id)), findings, requirements: accounts.map((id) => requirement(id, 'AWSAPI-004', 'PASS')) });
      const dir = writeShard(root, name, manifest({ runId: name, accounts: accounts.map((id) => manifestAccount(id)) }), r, {});
      // The line layout a scan writes, which the merge streams.
      const { findings: all, requirements, exceptions, ...head } = r;
      await writeChunks(join(dir, 'results.json'), resultsJsonChunks({ head, findings: all, tail: () => ({ requirements, exceptions }) }));
      return dir;
    };
    const f = (accountId: string, resource: string): Finding => finding({ accountId, resource, status: 'FAIL' });
    const a = await shard('a', ['111111111111', '333333333333'], [f('111111111111', 'i-1'), f('333333333333', 'i-3'), f('333333333333', 'i-3b')]);
    // Out of account order, as no scan writes it: sorted in memory, as before.
    const b = await shard('b', ['222222222222', '444444444444'], [f('444444444444', 'i-4'), f('222222222222', 'i-2')]);
    const out = join(root, 'merged');
    const { results: r, findings } = await mergeRuns(out, [a, b]);
    const merged: Finding[] = [];
    for await (const x of findings.each()) merged.push(x);
    expect(merged.map((x) => x.resource)).toEqual(['i-1', 'i-2', 'i-3', 'i-3b', 'i-4']);
    expect(findings.count).toBe(5);
    expect(r.requirements.filter((x) => x.scope === 'account').map((x) => x.accountId)).toEqual(['111111111111', '222222222222', '333333333333', '444444444444']);
    const lines = readFileSync(join(out, 'results.json'), 'utf8').split('\n');
    const open = lines.indexOf('  "findings": [');
    expect(lines.slice(open + 1, open + 6).map((l) => JSON.parse(l.replace(/,$/, '')).resource)).toEqual(['i-1', 'i-2', 'i-3', 'i-3b', 'i-4']);
  });

  it('is incomplete when a shard was interrupted', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    const [a, b] = twoShards(root);
    const m = JSON.parse(readFileSync(join(b!, 'manifest.json'), 'utf8'));
    writeFileSync(join(b!, 'manifest.json'), JSON.stringify({ ...m, complete: false, finishedAt: undefined }));
    const merged = await mergeRuns(join(root, 'out'), [a!, b!]);
    expect(merged.manifest.complete).toBe(false);
    expect(merged.manifest.finishedAt).toBeUndefined();
  });

  it('refuses an account present in two runs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    const [a, b] = twoShards(root);
    const again = join(root, 'shard-2-again');
    cpSync(b!, again, { recursive: true });
    await expect(mergeRuns(join(root, 'out'), [a!, b!, again])).rejects.toThrow(
      /account 222222222222 is in both .*shard-2 and .*shard-2-again: cannot merge/,
    );
  });

  it('refuses runs with different checklists or settings', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    const [a, b] = twoShards(root);
    const m = JSON.parse(readFileSync(join(b!, 'manifest.json'), 'utf8'));
    writeFileSync(join(b!, 'manifest.json'), JSON.stringify({ ...m, configHash: 'other' }));
    await expect(mergeRuns(join(root, 'out'), [a!, b!])).rejects.toThrow(/differ in config/);
  });

  it('refuses a non-empty output directory, or one of the inputs as output', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    const [a, b] = twoShards(root);
    await expect(mergeRuns(a!, [a!, b!])).rejects.toThrow(UsageError);
    await expect(mergeRuns(root, [a!, b!])).rejects.toThrow(/not empty/);
  });

  it('names an unreadable run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    await expect(mergeRuns(join(root, 'out'), [join(root, 'missing')])).rejects.toThrow(/snapshot directory not found: .*missing/);
  });
});
