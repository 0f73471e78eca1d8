// Regions closed by a service control policy, as landing zones close them: the ec2:DescribeInstances
// probe decides, other services may still answer there, and a deny in every enabled region is not a
// region closure but a fault. Datasets here are scripted per account and region, without HTTP.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import type { ScanPlan } from '../../src/collect/plan.js';
import { runScan } from '../../src/collect/scanner.js';
import type { ManifestAccount } from '../../src/snapshot/manifest.js';
import { readManifest } from '../../src/snapshot/reader.js';
import { createSnapshotWriter } from '../../src/snapshot/writer.js';
import { fakeHttp } from '../aws/fake-http.js';
import { manifestFixture } from '../snapshot/fixtures.js';
import { access, records, settings, testCollectorOf, testDataset, testVocabulary } from './fixtures.js';

const ACCOUNT = '111111111111';
const ENABLED = ['eu-central-1', 'eu-west-1', 'us-east-1'];
const SCP_DENY = 'User: arn:aws:sts::111111111111:assumed-role/PartnerAuditReadOnly/x is not authorized to perform: ec2:DescribeInstances with an explicit deny in a service control policy';

const denied = (code: string, message: string) => Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode: 403 } });

/** The probe's answer per region; an Error is thrown. */
let probeAnswers: Record<string, Error | undefined> = {};
/** Regions where the second dataset (config-like, exempt from the region deny) is denied by SCP. */
let configDenied: string[] = [];
/** DescribeRegions fails in these home regions. */
let regionListFails: string[] = [];

const regionList = testDataset({ id: 'test.closure.regions', scope: 'global', actions: ['ec2:DescribeRegions'] }, async (ctx) => {
  if (regionListFails.includes(ctx.region)) throw denied('UnauthorizedOperation', `denied in ${ctx.region}`);
  return { regions: ENABLED.map((name) => ({ name, optInStatus: 'opt-in-not-required' })) };
});
const probe = testDataset<{ instances: never[] }>({ id: 'test.closure.instances', scope: 'regional', actions: ['ec2:DescribeInstances'] }, async (ctx) => {
  const answer = probeAnswers[ctx.region];
  if (answer) throw answer;
  return { instances: [] };
});
const recorders = testDataset<{ recording: boolean }>({ id: 'test.closure.config', scope: 'regional', actions: ['config:DescribeConfigurationRecorders'] }, async (ctx) => {
  if (configDenied.includes(ctx.region)) throw denied('AccessDeniedException', `not authorized to perform: config:DescribeConfigurationRecorders ${SCP_DENY.slice(SCP_DENY.indexOf('with an explicit'))}`);
  return { recording: false };
});
const acm = testDataset<{ count: number }>({ id: 'test.closure.acm', scope: 'regional', actions: ['acm:ListCertificates'] }, async () => ({ count: 1 }));

const plan: ScanPlan = {
  regions: regionList,
  probe,
  organization: [],
  global: [],
  regional: [
    { dataset: probe, inScope: true, extraRegions: [] },
    { dataset: recorders, inScope: true, extraRegions: [] },
    // Like ACM, wanted in us-east-1 whatever the scope.
    { dataset: acm, inScope: true, extraRegions: ['us-east-1'] },
  ],
  questions: new Map(),
  collectorOf: testCollectorOf,
};

async function scan(options: { regions?: string[]; homeRegions?: string[] } = {}): Promise<{ account: ManifestAccount; dir: string }> {
  const dir = join(await mkdtemp(join(tmpdir(), 'pa-closed-')), 'run');
  const writer = createSnapshotWriter(dir, manifestFixture());
  await writer.start();
  const runSettings = { ...settings, homeRegions: options.homeRegions ?? ['eu-west-1'], ...(options.regions ? { regions: options.regions } : {}) };
  const pool = createClientPool({ settings: runSettings, requestHandler: fakeHttp(() => ({})) });
  await runScan({ targets: [{ accountId: ACCOUNT }], plan, settings: runSettings, writer, access, pool, handleSignals: false });
  return { account: (await readManifest(dir, testVocabulary())).accounts[0]!, dir };
}

const scpDeny = () => denied('UnauthorizedOperation', `You are not authorized to perform this operation. ${SCP_DENY}`);

describe('regions closed by a service control policy', () => {
  test('a region whose probe an SCP denies is closed and skipped with the reason, though Config answered there', async () => {
    probeAnswers = { 'eu-central-1': scpDeny() };
    configDenied = [];
    const { account, dir } = await scan();
    expect(account).toMatchObject({ status: 'SCANNED', regions: ['eu-west-1', 'us-east-1'] });
    expect(account.skippedRegions).toEqual([{ region: 'eu-central-1', reason: 'closed by a service control policy', closedByScp: true }]);
    const rs = await records(dir, ACCOUNT);
    // Nothing but the probe is collected in a closed region, except what a check wants there whatever the scope.
    expect(rs.filter((r) => r.region === 'eu-central-1').map((r) => r.collector)).toEqual(['test.closure.instances']);
  });

  test('us-east-1 closed: datasets wanted there whatever the scope (ACM for CloudFront) are still collected', async () => {
    probeAnswers = { 'us-east-1': scpDeny() };
    const { account, dir } = await scan();
    expect(account.skippedRegions.map((s) => s.region)).toEqual(['us-east-1']);
    const rs = await records(dir, ACCOUNT);
    expect(rs.filter((r) => r.region === 'us-east-1').map((r) => r.collector).sort()).toEqual(['test.closure.acm', 'test.closure.instances']);
  });

  test('every enabled region denying the probe is no region closure: the account is PARTIAL with the probe failures', async () => {
    probeAnswers = Object.fromEntries(ENABLED.map((r) => [r, scpDeny()]));
    const { account } = await scan();
    expect(account.status).toBe('PARTIAL');
    expect(account.skippedRegions).toEqual([]);
    expect(account.error).toContain('test.closure.instances in eu-central-1 (UnauthorizedOperation)');
  });

  test('a --regions subset that is entirely closed is legitimate when another enabled region is open', async () => {
    probeAnswers = { 'eu-central-1': scpDeny(), 'us-east-1': scpDeny() };
    const { account } = await scan({ regions: ['eu-central-1', 'us-east-1'] });
    expect(account).toMatchObject({ status: 'SCANNED', regions: [] });
    expect(account.skippedRegions.map((s) => s.region)).toEqual(['eu-central-1', 'us-east-1']);
  });

  test('a denial that is not an explicit SCP deny does not close the region: it is a fault', async () => {
    probeAnswers = { 'eu-central-1': denied('UnauthorizedOperation', 'You are not authorized to perform this operation.') };
    const { account } = await scan();
    expect(account.status).toBe('PARTIAL');
    expect(account.skippedRegions).toEqual([]);
  });

  test('one service denied by an SCP in an open region is a fault, not a closed region', async () => {
    probeAnswers = {};
    configDenied = ['eu-west-1'];
    const { account } = await scan();
    expect(account).toMatchObject({ status: 'PARTIAL', regions: ENABLED, skippedRegions: [] });
    expect(account.error).toContain('test.closure.config in eu-west-1 (AccessDeniedException)');
    configDenied = [];
  });
});

describe('the region list', () => {
  test('is read from the first home region that answers, never assumed to be us-east-1', async () => {
    probeAnswers = {};
    regionListFails = ['eu-west-1'];
    const { account, dir } = await scan({ homeRegions: ['eu-west-1', 'eu-central-1'] });
    expect(account).toMatchObject({ status: 'SCANNED', regions: ENABLED });
    expect((await records(dir, ACCOUNT)).find((r) => r.collector === 'test.closure.regions')).toMatchObject({ ok: true });
  });

  test('unreadable everywhere without --regions: PARTIAL, scanned only in the first home region', async () => {
    regionListFails = ['eu-west-1'];
    const { account } = await scan({ homeRegions: ['eu-west-1'] });
    expect(account).toMatchObject({ status: 'PARTIAL', regions: ['eu-west-1'] });
    expect(account.error).toContain('test.closure.regions (UnauthorizedOperation)');
  });

  test('unreadable with --regions given: the regions asked for are scanned and the account is complete', async () => {
    regionListFails = ['eu-west-1', 'us-east-1'];
    const { account } = await scan({ regions: ['eu-west-1', 'us-east-1'], homeRegions: ['eu-west-1', 'us-east-1'] });
    expect(account).toMatchObject({ status: 'SCANNED', regions: ['eu-west-1', 'us-east-1'] });
    regionListFails = [];
  });
});
