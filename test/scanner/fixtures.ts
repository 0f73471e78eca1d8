// Shared by the scanner tests: tiny collectors of our own, a scripted fake AWS (answers by account,
// from the signing key, and region, from the host) and a fake AwsAccess.

import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import type { AwsCredentialIdentity, HttpRequest } from '@smithy/types';
import { AccountAccessError, type AwsAccess } from '../../src/aws/credentials.js';
import { defineCollector, type AnyCollector, type CollectContext } from '../../src/contract/collector.js';
import { defineDataset, type AnyDataset, type DatasetDeclaration } from '../../src/contract/dataset.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import type { RegionsEvidence } from '../../src/datasets/ec2/datasets.js';
import type { ScanPlan } from '../../src/collect/plan.js';
import type { ScanSettings } from '../../src/contract/settings.js';
import { knownRegionNames } from '../../src/aws/regions.js';
import { ALL_DATASETS } from '../../src/datasets/index.js';
import { readAccountDatasets } from '../../src/snapshot/reader.js';
import type { Vocabulary } from '../../src/snapshot/validate.js';
import type { FakeAnswer } from '../aws/fake-http.js';

export const CALLER = '999999999999';
export const REACHED = ['111111111111', '333333333333'];
export const DENIED = '222222222222';

// Credentials a real session would carry: none of these values may reach the run directory.
export const secretOf = (account: string) => `${account}SeCrEtKeY/abcdefghijklmnopqrstuvw`
export const tokenOf = (account: string) => `IQoJb3JpZ2luX2Vj${account}${'Zm9vYmFy'.repeat(12)}`;
export const credentialsOf = (account: string) => async (): Promise<AwsCredentialIdentity> => ({
  accessKeyId: `ASIA${account}0000`,
  secretAccessKey: secretOf(account),
  sessionToken: tokenOf(account),
});

export const settings: ScanSettings = {
  roleName: 'PartnerAuditReadOnly',
  runId: 'run-1',
  concurrency: { accounts: 2, accountStartsPerSecond: 100, requestsInFlight: 8, perService: 2 },
  retry: { mode: 'standard', maxAttempts: 2 },
  timeouts: { connectMs: 1000, requestMs: 1000 },
  homeRegions: ['us-east-1'],
};

// ---- Test datasets and their collectors ----
const testCollectors = new Map<string, AnyCollector>();

/** Declares a dataset and registers its collector with the tests' own registry. */
export function testDataset<T>(declaration: DatasetDeclaration<T>, collect: (ctx: CollectContext) => Promise<T>): DatasetDeclaration<T> {
  const dataset = defineDataset(declaration);
  testCollectors.set(dataset.id, defineCollector(dataset, collect));
  return dataset;
}

export function testCollectorOf(dataset: AnyDataset): AnyCollector {
  const collector = testCollectors.get(dataset.id);
  if (!collector) throw new Error(`no test collector for ${dataset.id}`);
  return collector;
}

export const testRegions = testDataset<RegionsEvidence>(
  { id: 'ec2.regions', scope: 'global', actions: ['ec2:DescribeRegions'] },
  async () => ({
    regions: [
      { name: 'us-east-1', optInStatus: 'opt-in-not-required' },
      { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
      { name: 'af-south-1', optInStatus: 'opted-in' },
      { name: 'me-south-1', optInStatus: 'not-opted-in' },
    ],
  }),
);
/** How many times test.rules ran, across every scan of the test file. */
export const runs = { rules: 0 };
export const rules = testDataset<{ names: string[] }>({ id: 'test.rules', scope: 'regional', actions: ['events:ListRules'] }, async (ctx) => {
  runs.rules += 1;
  const out = await ctx.clients.get(EventBridgeClient).send(new ListRulesCommand({}));
  return { names: (out.Rules ?? []).map((r) => r.Name ?? '') };
});
export const ruleCount = testDataset<{ count: number }>(
  { id: 'test.ruleCount', scope: 'regional', actions: [], dependsOn: [rules] },
  async (ctx) => ({ count: (await ctx.dataset(rules)).names.length }),
);
export const accountWide = testDataset<{ names: string[] }>({ id: 'test.account', scope: 'global', actions: ['events:ListRules'] }, async (ctx) => {
  const out = await ctx.clients.get(EventBridgeClient).send(new ListRulesCommand({ NamePrefix: ctx.region }));
  return { names: (out.Rules ?? []).map((r) => r.Name ?? '') };
});
export const orgWide = testDataset<{ accountId: string }>({ id: 'test.org', scope: 'organization', actions: ['events:ListRules'] }, async (ctx) => {
  await ctx.clients.get(EventBridgeClient).send(new ListRulesCommand({}));
  return { accountId: ctx.accountId };
});

export const plan: ScanPlan = {
  regions: testRegions,
  // The scripted AWS answers the rules call with an SCP deny where a region is closed.
  probe: rules,
  organization: [orgWide],
  global: [accountWide],
  regional: [
    { dataset: ruleCount, inScope: true, extraRegions: [] },
    { dataset: rules, inScope: true, extraRegions: [] },
  ],
  questions: new Map(),
  collectorOf: testCollectorOf,
};

// ---- Fake AWS: answers by account (from the signing key) and region (from the host) ----
export const SCP = 'with an explicit deny in a service control policy';
export function answer(req: HttpRequest, index: number): FakeAnswer {
  const account = /Credential=ASIA(\d{12})/.exec(req.headers.authorization ?? '')?.[1] ?? 'unknown';
  const region = req.hostname.split('.')[1] ?? 'unknown';
  const requestId = `req-${account}-${region}-${index}`;
  if (account === '111111111111' && region === 'eu-west-1') {
    // A server would not echo a token; if a message ever did, it must not survive.
    return { status: 400, errorType: 'AccessDeniedException', requestId, body: { message: `not authorized, token ${tokenOf(account)}` } };
  }
  if (account === '333333333333' && region === 'af-south-1') {
    return { status: 400, errorType: 'UnrecognizedClientException', requestId, body: { message: 'The security token included in the request is invalid.' } };
  }
  if (account === '333333333333' && region === 'eu-west-1') {
    return { status: 400, errorType: 'AccessDeniedException', requestId, body: { message: `User is not authorized to perform: events:ListRules ${SCP}` } };
  }
  return { body: { Rules: [{ Name: `rule-${account}-${region}` }] }, requestId };
}

export const access: AwsAccess = {
  caller: { accountId: CALLER, arn: `arn:aws:iam::${CALLER}:user/auditor` },
  baseCredentials: credentialsOf(CALLER),
  stsRegion: 'us-east-1',
  credentialsFor: async (accountId) => {
    if (accountId === DENIED) throw new AccountAccessError(`cannot assume arn:aws:iam::${DENIED}:role/PartnerAuditReadOnly: AccessDenied: not authorized`);
    return accountId === CALLER ? access.baseCredentials : credentialsOf(accountId);
  },
  release: () => undefined,
};

/** What a run of the tests' own datasets may name: the SDK's regions, the real datasets and the test ones. */
export function testVocabulary(): Vocabulary {
  return { regions: new Set(knownRegionNames()), datasets: new Set([...ALL_DATASETS.map((d) => d.id), ...testCollectors.keys()]) };
}

export async function records(dir: string, accountId: string): Promise<DatasetRecord[]> {
  const out: DatasetRecord[] = [];
  for await (const r of readAccountDatasets(dir, accountId, testVocabulary())) out.push(r);
  return out;
}

