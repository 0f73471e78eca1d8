// Plants fake credentials wherever a careless collector or engine could leak them, renders every
// format through renderReports, and asserts no secret value reaches any output file.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { redact, REDACTED, redactText } from '../../src/snapshot/redact.js';
import { FORMATS } from '../../src/report/registry.js';
import { renderReports } from '../../src/report/render.js';
import { withFindings, type TestReportInput } from '../fixtures/report-input.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

const BASE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const ASSUMED = {
  accessKeyId: 'ASIAQXAMPLE7TOKENXYZ',
  secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  sessionToken:
    'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample7Kv3Jb0y8N1QzZrq9nQ2W8sTLp5F1hQmYyA0ggIgR2VeXhb' +
    'mYVh8pq4t0FJ2p9Ck7w0pX3mBq2sxT3xK1s0qmgIIVRAAGgwxMTExMTExMTExMTEiDPv2tCx8nAgUuYy3KCr3AZsT3w8q5bL9xV0nJxQ0eExa' +
    'mpleTokenBodyThatKeepsGoingForAWhileToLookLikeARealSTSToken0123456789abcdefABCDEF+/Z1Y2X3W4V5U6T7S8R9Q0P1O2N3M4L5K6',
};
/** A secret of no recognizable shape: only the explicit `secrets` option can catch it. */
const OPAQUE = 'correct-horse-battery-staple-9c1e';
const SECRETS = [BASE.secretAccessKey, ASSUMED.secretAccessKey, ASSUMED.sessionToken, OPAQUE];

function plant(input: TestReportInput): TestReportInput {
  const [first, second, third, ...rest] = input.results.findings;
  const findings = [
    {
      ...first!,
      evidence: {
        credentials: { AccessKeyId: ASSUMED.accessKeyId, SecretAccessKey: ASSUMED.secretAccessKey, SessionToken: ASSUMED.sessionToken },
        env: [`AWS_SECRET_ACCESS_KEY=${BASE.secretAccessKey}`],
        nested: { deeper: { note: `token ${ASSUMED.sessionToken} end` } },
      },
    },
    { ...second!, status: 'ERROR' as const, message: `Request failed: aws_secret_access_key = "${BASE.secretAccessKey}" (${OPAQUE})` },
    { ...third!, status: 'FAIL' as const, message: `Signed with X-Amz-Security-Token=${ASSUMED.sessionToken}`, resource: `user/${OPAQUE}` },
    ...rest,
  ];
  const requirements = input.results.requirements.map((r, i) =>
    i === 0 ? { ...r, status: 'ERROR' as const, reason: `could not assume role: secret ${ASSUMED.secretAccessKey}` } : r,
  );
  const accounts = input.results.accounts.map((a, i) => (i === 0 ? { ...a, status: 'ERROR' as const, error: `InvalidClientTokenId ${ASSUMED.sessionToken}` } : a));
  const manifest = {
    ...input.manifest,
    accounts: input.manifest.accounts.map((a, i) => (i === 0 ? { ...a, status: 'ERROR' as const, error: `token ${ASSUMED.sessionToken}` } : a)),
  };
  const planted = withFindings(input, findings, { requirements, accounts });
  return { ...planted, manifest, baseline: planted.results };
}

async function xlsxText(path: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

const root = mkdtempSync(join(tmpdir(), 'pa-redaction-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function outputsOf(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    texts.set(file, file.endsWith('.xlsx') ? await xlsxText(join(dir, file)) : readFileSync(join(dir, file), 'utf8'));
  }
  return texts;
}

function expectNoSecret(outputs: Map<string, string>, secrets: readonly string[]): void {
  for (const [file, text] of outputs) {
    for (const secret of secrets) {
      expect(text.includes(secret), `${file} contains a secret`).toBe(false);
      // Nor a piece of one: truncated, or with `/` escaped by a JSON or HTML writer.
      for (const piece of [secret.slice(0, 24), ...secret.split(/[/+=]/).filter((p) => p.length >= 12)]) {
        expect(text.includes(piece), `${file} contains part of a secret`).toBe(false);
      }
    }
  }
}

describe('no credential reaches any report', () => {
  it('renders every format and none contains a planted secret', async () => {
    const dir = mkdtempSync(join(root, 'known-'));
    const reports = await renderReports(plant(syntheticRun({ accounts: 3, regions: 2 })), 'all', dir, { secrets: SECRETS });
    expect(reports.map((r) => r.format).sort()).toEqual([...FORMATS].sort());
    const outputs = await outputsOf(dir);
    expect([...outputs.keys()]).toEqual(expect.arrayContaining(reports.map((r) => r.fileName)));
    expectNoSecret(outputs, SECRETS);
    const results = outputs.get('results.json')!;
    expect(results).toContain(REDACTED);
    expect(results).toContain(ASSUMED.accessKeyId);
  });

  it('keeps a results.json the scan wrote, redacted, and writes it again when the results still hold a secret', async () => {
    const clean = syntheticRun({ accounts: 2, regions: 1 });
    const keptDir = mkdtempSync(join(root, 'kept-'));
    writeFileSync(join(keptDir, 'results.json'), 'written by the evaluation\n');
    await renderReports(clean, 'json', keptDir, { secrets: SECRETS, resultsWritten: true });
    expect(readFileSync(join(keptDir, 'results.json'), 'utf8')).toBe('written by the evaluation\n');

    const plantedDir = mkdtempSync(join(root, 'rewritten-'));
    writeFileSync(join(plantedDir, 'results.json'), 'written by the evaluation\n');
    await renderReports(plant(clean), 'json', plantedDir, { secrets: SECRETS, resultsWritten: true });
    const outputs = await outputsOf(plantedDir);
    expect(outputs.get('results.json')).toContain(REDACTED);
    expectNoSecret(outputs, SECRETS);
  });

  it('catches credential-shaped values even when the caller names no secret', async () => {
    const dir = mkdtempSync(join(root, 'shapes-'));
    await renderReports(plant(syntheticRun({ accounts: 2, regions: 1 })), 'all', dir);
    expectNoSecret(await outputsOf(dir), [BASE.secretAccessKey, ASSUMED.secretAccessKey, ASSUMED.sessionToken]);
  });
});

describe('redact', () => {
  it('blanks secret-named fields whatever their value', () => {
    expect(redact({ SecretAccessKey: 'short', session_token: 'x', Password: 'p', nested: [{ privateKey: 'k' }], keep: 'v' })).toEqual({
      SecretAccessKey: REDACTED,
      session_token: REDACTED,
      Password: REDACTED,
      nested: [{ privateKey: REDACTED }],
      keep: 'v',
    });
  });

  it('finds secret-shaped strings inside text', () => {
    expect(redactText(`key=${BASE.secretAccessKey}.`)).toBe(`key=${REDACTED}.`);
    expect(redactText(`token: ${ASSUMED.sessionToken}`)).toBe(`token: ${REDACTED}`);
    expect(redactText('-----BEGIN PRIVATE KEY-----\nMIIabc\n-----END PRIVATE KEY-----')).toBe(REDACTED);
    expect(redactText(`x ${OPAQUE} y`, { secrets: [OPAQUE] })).toBe(`x ${REDACTED} y`);
  });

  it('leaves identifiers and evidence alone', () => {
    const evidence = {
      accessKeyId: BASE.accessKeyId,
      arn: 'arn:aws:iam::111111111111:role/OrganizationAccountAccessRole',
      requestId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      httpTokens: 'optional',
      NextToken: undefined,
      message: 'GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 is enabled in eu-west-1.',
    };
    expect(redact(evidence)).toEqual(evidence);
  });
});
