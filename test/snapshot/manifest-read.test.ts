// manifest.json is read one account entry at a time when it is in the writer's layout, and whole
// otherwise; either way the reader gives back the same manifest and refuses the same faults.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVocabulary } from '../../src/collect/vocabulary.js';
import type { Manifest, ManifestAccount } from '../../src/snapshot/manifest.js';
import { scanManifest } from '../../src/snapshot/manifest-layout.js';
import { manifestText } from '../../src/snapshot/manifest-text.js';
import { readJudgedManifest, readManifest } from '../../src/snapshot/reader.js';
import { manifestFixture } from './fixtures.js';

const account = (accountId: string, extra: Partial<ManifestAccount> = {}): ManifestAccount => ({
  accountId,
  name: 'a "quoted" name\nover two lines, {braces} and ]',
  tags: { team: 'core' },
  status: 'SCANNED',
  regions: ['eu-west-1', 'us-east-1'],
  skippedRegions: [{ region: 'ap-south-1', reason: 'closed' }],
  calls: { ec2: { requests: 3, retries: 0, throttles: 0, errors: 0 }, iam: { requests: 1, retries: 1, throttles: 1, errors: 0 } },
  ...extra,
});

const MANIFEST: Manifest = {
  ...manifestFixture(),
  callerIdentity: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:root' },
  accounts: [account('111111111111'), account('222222222222', { status: 'ERROR', error: 'AccessDenied', regions: [], skippedRegions: [] }), account('333333333333')],
};

const LAYOUTS: [string, (m: Manifest) => string][] = [
  ['the writer’s', (m) => [...manifestText(m)].join('')],
  ['JSON.stringify with 2 spaces and CRLF line ends', (m) => JSON.stringify(m, null, 2).replace(/\n/g, '\r\n')],
  ['compact, on one line', (m) => JSON.stringify(m)],
  ['indented by 4', (m) => JSON.stringify(m, null, 4)],
  ['the writer’s, the accounts first', ({ accounts, ...rest }) => JSON.stringify({ accounts, ...rest }, null, 2)],
  // JSON.parse keeps the last of two equal keys: so does the reader.
  ['the writer’s with the list given again on one line', (m) => JSON.stringify({ ...m, accounts: [] }, null, 2).replace('  "accounts": [],', `  "accounts": [],\n  "accounts": ${JSON.stringify(m.accounts)},`)],
];

async function runWith(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pa-manifest-'));
  await writeFile(join(dir, 'manifest.json'), text);
  return dir;
}

const withoutCalls = (m: Manifest) => ({ ...m, accounts: m.accounts.map(({ calls: _calls, ...rest }) => rest) });

describe('reading manifest.json', () => {
  it.each(LAYOUTS)('in %s layout gives back the manifest, and without call counts for the evaluation', async (_name, layout) => {
    for (const manifest of [MANIFEST, { ...MANIFEST, accounts: [] }]) {
      const dir = await runWith(layout(manifest));
      expect(await readManifest(dir, runVocabulary())).toStrictEqual(manifest);
      expect(await readJudgedManifest(dir, runVocabulary())).toStrictEqual(withoutCalls(manifest));
    }
  });

  const broken = (change: (m: Record<string, unknown> & Manifest) => void): Manifest => {
    const manifest = structuredClone(MANIFEST) as Record<string, unknown> & Manifest;
    change(manifest);
    return manifest;
  };
  it.each([
    ['an entry field', broken((m) => void (m.accounts[1]!.regions = ['../tmp'])), /manifest.json: accounts\[1\].regions\[0\]: "..\/tmp" is not a region the AWS SDK knows$/],
    ['an account listed twice', broken((m) => void (m.accounts[2]!.accountId = '111111111111')), /manifest.json: accounts\[2\].accountId: 111111111111 is listed twice$/],
    ['a head field', broken((m) => void (m.runId = 7 as unknown as string)), /manifest.json: runId: expected string, received number$/],
    ['another schema version', broken((m) => void Object.assign(m, { schemaVersion: 2, accounts: [{ id: 1 }] })), /manifest.json is not a partner-audit manifest \(schemaVersion 1\)$/],
  ])('refuses %s in every layout, naming it', async (_name, manifest, message) => {
    for (const [, layout] of LAYOUTS) await expect(readManifest(await runWith(layout(manifest)), runVocabulary())).rejects.toThrow(message);
  });

  it('refuses an entry that is not JSON, as it refuses a file that is not', async () => {
    const text = [...manifestText(MANIFEST)].join('').replace('"status": "ERROR"', '"status": ERROR');
    await expect(readManifest(await runWith(text), runVocabulary())).rejects.toThrow(/manifest.json is not valid JSON: /);
    await expect(readManifest(await runWith('{"schemaVersion": 1,'), runVocabulary())).rejects.toThrow(/manifest.json is not valid JSON: /);
  });
});

describe('scanManifest', () => {
  const path = async (text: string) => join(await runWith(text), 'manifest.json');

  it('gives the head with an empty account list and each entry’s text, in file order, across chunk boundaries', async () => {
    // Long names put entries across the reader's 64 KB chunks, and a multi-byte character on the boundaries.
    const big = { ...MANIFEST, runId: 'ü'.repeat(40_000), accounts: MANIFEST.accounts.map((a) => ({ ...a, name: `€${'x'.repeat(30_000)}` })) };
    for (const manifest of [MANIFEST, big]) {
      const entries: unknown[] = [];
      const head = await scanManifest(await path([...manifestText(manifest)].join('')), (text, index) => entries.push([JSON.parse(text), index]));
      expect(JSON.parse(head!)).toStrictEqual({ ...manifest, accounts: [] });
      expect(entries).toStrictEqual(manifest.accounts.map((a, i) => [a, i]));
    }
  });

  it.each(LAYOUTS.slice(1, 4))('leaves a file %s to be parsed whole', async (_name, layout) => {
    expect(await scanManifest(await path(layout(MANIFEST)))).toBeUndefined();
  });

  it('leaves a file cut short inside its account list to be parsed whole', async () => {
    const text = [...manifestText(MANIFEST)].join('');
    expect(await scanManifest(await path(text.slice(0, text.indexOf('"totals"') - 8)))).toBeUndefined();
  });
});
