import { DescribeInstancesCommand, DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import { AccountAccessError } from '../../src/aws/credentials.js';
import { ec2Instances, ec2Regions } from '../../src/datasets/ec2/datasets.js';
import { supportPlan } from '../../src/datasets/support/datasets.js';
import type { ScanPlan } from '../../src/collect/plan.js';
import { collectorOf } from '../../src/datasets/registry.js';
import { configSchema } from '../../src/config/schema.js';
import type { ScanSettings } from '../../src/contract/settings.js';
import { type PreflightInput, renderPreflight, runPreflight } from '../../src/run/preflight.js';
import { fakeHttp } from '../aws/fake-http.js';

const ec2 = mockClient(EC2Client);
afterEach(() => {
  ec2.reset();
});

const CALLER = { accountId: '999999999999', arn: 'arn:aws:sts::999999999999:assumed-role/scanner/ci' };
const config = configSchema.parse({});
const settings: ScanSettings = { ...config, runId: 'preflight-test', retry: { mode: 'standard', maxAttempts: 1 }, homeRegions: ['us-east-1'] };
const plan: ScanPlan = {
  regions: ec2Regions,
  probe: ec2Instances,
  organization: [],
  global: [supportPlan],
  regional: [{ dataset: ec2Instances, inScope: true, extraRegions: [] }],
  questions: new Map(),
  collectorOf,
};
const credentials = (accountId: string) => async (): Promise<AwsCredentialIdentity> => ({
  accessKeyId: `AKIA${accountId}`,
  secretAccessKey: 'secret-never-shown',
  sessionToken: 'token-never-shown',
});
/** Support answers over HTTP, so each call is signed as its account: account 222222222222 is refused. */
const supportHttp = fakeHttp((request) =>
  /Credential=AKIA222222222222\//.test(request.headers.authorization ?? '')
    ? { status: 400, errorType: 'AccessDeniedException', body: { message: 'User is not authorized to perform support:DescribeSeverityLevels' } }
    : { body: { severityLevels: [{ code: 'low', name: 'Low' }] } },
);

const denied = (message: string) => Object.assign(new Error(message), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });

function input(overrides: Partial<PreflightInput> = {}): PreflightInput {
  return {
    access: {
      caller: CALLER,
      baseCredentials: credentials(CALLER.accountId),
      credentialsFor: async (accountId) => {
        if (accountId === '333333333333') {
          throw new AccountAccessError('cannot assume arn:aws:iam::333333333333:role/PartnerAuditReadOnly: AccessDenied: not authorized');
        }
        return credentials(accountId);
      },
    },
    listTargets: async () => [{ accountId: '333333333333' }, { accountId: '111111111111' }, { accountId: '222222222222' }],
    organization: true,
    pool: createClientPool({ settings, requestHandler: supportHttp }),
    plan,
    settings,
    ...overrides,
  };
}

function mockHealthyApis(): void {
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
    ],
  });
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
}

describe('runPreflight', () => {
  it('reports identity, organization, role, regions and each denied dataset with its fix', async () => {
    mockHealthyApis();
    const report = await runPreflight(input());
    const row = (subject: string, item: string) => report.rows.find((r) => r.subject === subject && r.item === item);

    expect(row('caller', 'identity')).toMatchObject({ ready: true, detail: expect.stringContaining(CALLER.arn) });
    expect(row('organization', 'list accounts')).toMatchObject({ ready: true, detail: '3 accounts to scan' });
    expect(row('333333333333', 'assume role')).toMatchObject({ ready: false, fix: expect.stringContaining('deploy the PartnerAuditReadOnly role') });
    expect(report.rows.filter((r) => r.subject === '333333333333')).toHaveLength(1);

    expect(row('111111111111', 'regions')).toMatchObject({ ready: true, detail: '2 in scope (eu-west-1, us-east-1), 1 skipped' });
    expect(row('111111111111', 'support.plan (us-east-1)')).toMatchObject({ ready: true });
    expect(row('111111111111', 'ec2.instances (us-east-1)')).toMatchObject({ ready: true });

    const deniedRow = row('222222222222', 'support.plan (us-east-1)');
    expect(deniedRow).toMatchObject({ ready: false, detail: expect.stringContaining('AccessDeniedException') });
    expect(deniedRow!.fix).toContain('allow support:DescribeSeverityLevels in the audit role');
    expect(row('222222222222', 'ec2.instances (us-east-1)')).toMatchObject({ ready: true });

    expect(report.ready).toBe(false);
    expect(report).toMatchObject({ accountsTotal: 3, accountsChecked: 3 });
    // The dry read probes one region per account, not every region.
    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(2);
  });

  it('samples the first N accounts by ID', async () => {
    mockHealthyApis();
    const report = await runPreflight(input({ sample: 1 }));
    expect(report).toMatchObject({ accountsTotal: 3, accountsChecked: 1, ready: true });
    expect(new Set(report.rows.map((r) => r.subject))).toEqual(new Set(['caller', 'organization', '111111111111']));
  });

  it('reads the caller\'s own account with the base credentials, assuming nothing', async () => {
    mockHealthyApis();
    const report = await runPreflight(input({ listTargets: async () => [{ accountId: CALLER.accountId }] }));
    expect(report.rows.filter((r) => r.subject === CALLER.accountId)[0]).toMatchObject({
      item: 'credentials', ready: true, detail: "the caller's own account: base credentials",
    });
    expect(report.ready).toBe(true);
  });

  it('names Organizations access when the account list cannot be read', async () => {
    const report = await runPreflight(
      input({ listTargets: async () => Promise.reject(new Error('cannot list the Organization\'s accounts: AccessDeniedException')) }),
    );
    const row = report.rows.find((r) => r.item === 'list accounts');
    expect(row).toMatchObject({ ready: false, fix: expect.stringContaining('organizations:ListAccounts') });
    expect(report.ready).toBe(false);
  });

  it('reports a failed region listing instead of guessing regions', async () => {
    ec2.on(DescribeRegionsCommand).rejects(denied('not authorized to perform ec2:DescribeRegions'));
    const report = await runPreflight(input({ listTargets: async () => [{ accountId: '111111111111' }] }));
    const rows = report.rows.filter((r) => r.subject === '111111111111');
    expect(rows.map((r) => [r.item, r.ready])).toEqual([
      ['assume role', true],
      ['ec2.regions (us-east-1)', false],
    ]);
    expect(rows[1]!.fix).toContain('allow ec2:DescribeRegions');
  });

  it('renders a table with the verdict and never shows credentials', async () => {
    mockHealthyApis();
    const text = renderPreflight(await runPreflight(input()));
    expect(text).toMatch(/^READY\s+SUBJECT\s+ITEM\s+DETAIL \/ FIX/);
    expect(text).toMatch(/NOT READY\s+222222222222\s+support\.plan \(us-east-1\)/);
    expect(text).toContain('→ allow support:DescribeSeverityLevels');
    expect(text).toMatch(/Not ready: 2 problem\(s\) in 3 of 3 accounts checked\./);
    expect(text).not.toMatch(/secret-never-shown|token-never-shown/);
  });
});
