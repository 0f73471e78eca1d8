// End to end through the real scanner, collectors and engine: an organization with a member
// whose role refuses us, a suspended member, an opt-in region that is not enabled, throttling on
// every protocol, an SCP that denies a region and an IAM deny on one API.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/contract/results.js';
import { ALL_DATASETS } from '../../src/datasets/index.js';
import type { Scenario } from '../fake-aws/index.js';
import { DENIED, MGMT, PROD, SUSPENDED, wireScenario } from './fixtures.js';
import { EU_ONLY, GD_MEMBER, LANDING_ZONE } from './landing-zone-fixtures.js';
import { useFakeAws } from './harness.js';
import { evaluateSnapshot } from '../../bench/scan-driver.js';
import { scanOrganization, type ScanOutcome } from './scan.js';

function finding(outcome: ScanOutcome, accountId: string, checkId: string, region = 'global'): Finding[] {
  return outcome.results.findings.filter((f) => f.accountId === accountId && f.checkId === checkId && f.region === region);
}

function account(outcome: ScanOutcome, accountId: string) {
  return outcome.summary.accounts.find((a) => a.accountId === accountId);
}

describe('a clean organization scan', () => {
  const fake = useFakeAws(wireScenario);
  let outcome: ScanOutcome;

  it('scans the active accounts, marks the refused one ERROR, and skips the suspended one', async () => {
    outcome = await scanOrganization();
    expect(outcome.summary.accounts.map((a) => [a.accountId, a.status])).toEqual([
      [MGMT, 'SCANNED'],
      [PROD, 'SCANNED'],
      [DENIED, 'ERROR'],
      [LANDING_ZONE, 'SCANNED'],
      [EU_ONLY, 'SCANNED'],
      [GD_MEMBER, 'SCANNED'],
    ]);
    expect(account(outcome, DENIED)?.error).toMatch(/AccessDenied: .*not authorized to perform: sts:AssumeRole/);
    expect(account(outcome, SUSPENDED)).toBeUndefined();
  });

  it('lists the opt-in region that is not enabled as skipped, not as an error', () => {
    for (const id of [MGMT, PROD]) {
      expect(account(outcome, id)?.regions).toEqual(['eu-west-1', 'us-east-1']);
      expect(account(outcome, id)?.skippedRegions).toEqual([{ region: 'ap-east-1', reason: expect.stringMatching(/not enabled/) }]);
    }
    // The probe runs once in every enabled region of every scanned account: 2 + 2 + 3 + 2 + 2.
    expect(fake().stats().byAction['ec2:DescribeInstances']).toBe(11);
  });

  it('counts exactly the requests the server saw, and sends none as the refused account', () => {
    const stats = fake().stats();
    expect(outcome.summary.totals.requests).toBe(stats.requests);
    expect(stats.byAccount[DENIED]).toBeUndefined();
    expect(outcome.summary.totals.throttles).toBe(0);
  });

  it('stores every dataset of the scanned accounts, each with request IDs', async () => {
    const lines = (await readFile(join(outcome.dir, 'datasets', `${PROD}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(20);
    const failed = lines.filter((r) => !r.ok).map((r) => `${r.collector}@${r.region}:${r.error.code}`);
    expect(failed).toEqual([]);
    // Only datasets that needed no call lack request IDs: no template AMIs in us-east-1. (AWS-managed policy
    // documents may have come from the scan's shared cache, fetched by the other account.)
    const withoutCalls = lines.filter((r) => r.requestIds.length === 0 && r.collector !== 'iam.awsManagedPolicies');
    expect(withoutCalls.map((r) => `${r.collector}@${r.region}`)).toEqual(['ec2.images@us-east-1']);
  });

  it('collects every registered dataset successfully somewhere in the organization', async () => {
    const collected = new Set<string>();
    for (const id of [MGMT, PROD]) {
      const lines = (await readFile(join(outcome.dir, 'datasets', `${id}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      for (const r of lines) if (r.ok) collected.add(r.collector);
    }
    expect(ALL_DATASETS.map((d) => d.id).filter((id) => !collected.has(id))).toEqual([]);
  });

  it('judges the evidence: ERROR only for the unreachable account', () => {
    const errors = outcome.results.findings.filter((f) => f.status === 'ERROR');
    expect(new Set(errors.map((f) => f.accountId))).toEqual(new Set([DENIED]));
    expect(finding(outcome, MGMT, 'iam-root-access-key-absent')[0]?.status).toBe('FAIL');
    expect(finding(outcome, MGMT, 'support-plan-business-or-higher')[0]?.status).toBe('FAIL');
    expect(finding(outcome, PROD, 'support-plan-business-or-higher')[0]?.status).toBe('FAIL');
    expect(finding(outcome, PROD, 'health-risk-events-routed', 'us-east-1')[0]?.status).toBe('PASS');
    expect(finding(outcome, PROD, 'ec2-launch-template-imdsv2', 'eu-west-1').map((f) => f.status).sort()).toEqual(['FAIL', 'PASS']);
  });

  it('lists the ACME certificate, judged as renewed by its ACME client', () => {
    const acme = finding(outcome, MGMT, 'acm-certificates-auto-renew', 'eu-west-1').filter((f) => f.messageId.endsWith('.acmeRenewedByClient'));
    expect(acme.map((f) => f.status)).toEqual(['WARN']);
    expect(acme[0]?.message).toContain('agent.acme-client.example.com');
  });

  it('finds the IAM server certificate behind the load balancers and the CloudFront distribution that serve it', () => {
    const [legacy] = finding(outcome, MGMT, 'iam-server-certificates-absent');
    expect(legacy?.status).toBe('FAIL');
    expect(legacy?.evidence.use).toEqual({
      state: 'used',
      by: [
        expect.stringMatching(/^arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer\/app\/web\//),
        'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/legacy',
        'arn:aws:cloudfront::111111111111:distribution/E1LEGACY',
      ],
    });
  });

  it('judges the AWS-managed policy of service users by its document, fetched once for the whole scan', async () => {
    const ci = finding(outcome, MGMT, 'iam-service-user-access-keys').find((f) => f.resource.endsWith('/ci-deployer'));
    const etl = finding(outcome, PROD, 'iam-service-user-access-keys').find((f) => f.resource.endsWith('/etl'));
    for (const f of [ci, etl]) expect(f?.message).toContain('managed policy AdministratorAccess allows every action');
    expect(fake().stats().byAction['iam:GetPolicyVersion']).toBe(1);
    // Each account's record still holds the document it was judged by.
    for (const id of [MGMT, PROD]) {
      const lines = (await readFile(join(outcome.dir, 'datasets', `${id}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      const record = lines.find((r) => r.collector === 'iam.awsManagedPolicies');
      expect(record.data.policies.map((p: { name: string }) => p.name)).toEqual(['AdministratorAccess']);
    }
  });

  it('judges the network, storage and resilience evidence of a workload region for both checklists', async () => {
    // The same snapshot, evaluated for the FTR as well.
    const both = { ...outcome, results: { ...outcome.results, findings: [...outcome.results.findings, ...(await evaluateSnapshot(outcome.dir, 'ftr-partner-hosted')).findings] } };
    const verdicts = (checkId: string, region = 'eu-west-1') =>
      finding(both, PROD, checkId, region).map((f) => `${f.status} ${f.messageId.split('.')[1]} ${f.resource.split(/[:/]/).pop()}`);
    expect(verdicts('ec2-security-groups-least-permissive')).toEqual([
      'FAIL defaultGroupHasRules sg-0default000000001',
      'PASS leastPermissive sg-0web0000000000001',
      'FAIL openToInternet sg-0bastion000000001',
    ]);
    expect(verdicts('ec2-security-groups-no-interactive-access')).toEqual(['WARN interactiveAccess sg-0bastion000000001']);
    expect(verdicts('ec2-public-subnet-instances')).toEqual(['WARN publicInstance i-00000000000000000']);
    expect(verdicts('rds-instances-not-public')).toEqual(['PASS private orders-db', 'FAIL publiclyAccessible legacy-db', 'PASS private reports-1']);
    expect(verdicts('backup-data-stores-covered')).toEqual([
      'FAIL rdsNoBackups legacy-db',
      'WARN dynamoNoBackups sessions',
      'WARN efsNoBackups fs-0scratch00000001',
      'WARN volumeNotCovered vol-0plain0000000001',
    ]);
    expect(verdicts('ec2-nat-gateways-zone-redundant')).toEqual(['WARN oneZonalNat vpc-0a1b2c3d4e5f60001']);
    expect(verdicts('ec2-vpn-tunnels-up')).toEqual(['WARN tunnelDown vpn-0a00000000000001']);
    expect(verdicts('directconnect-connections-redundant')).toEqual(['PASS redundant dxcon']);
    const zones = finding(both, PROD, 'elb-load-balancers-multi-az', 'eu-west-1').filter((f) => f.status === 'FAIL');
    expect(zones.map((f) => f.message)).toEqual([expect.stringContaining('network load balancer ingest')]);
    expect(verdicts('ec2-instances-hardened-images').filter((v) => !v.startsWith('WARN baseImage'))).toEqual(['WARN staleImage ami-0aaaaaaaaaaaaaaaa', 'PASS imagePipelines image-pipeline']);
    expect(verdicts('fis-az-impairment-tested', 'global')).toEqual(['PASS azTested root']);
    expect(verdicts('backup-restores-tested', 'global')).toEqual(['PASS restoreTested root']);
  });
});

describe('landing zones in the same organization scan', () => {
  useFakeAws(wireScenario);
  let outcome: ScanOutcome;
  const statuses = (accountId: string, region: string) =>
    outcome.results.findings.filter((f) => f.accountId === accountId && f.region === region).map((f) => f.status);

  it('closes the region a Control Tower Region deny control denies: skipped, every finding there NOT_APPLICABLE', async () => {
    outcome = await scanOrganization();
    const lz = account(outcome, LANDING_ZONE)!;
    expect(lz).toMatchObject({ status: 'SCANNED', regions: ['eu-west-1', 'us-east-1'] });
    expect(lz.skippedRegions).toEqual([{ region: 'ap-southeast-2', reason: 'closed by a service control policy', closedByScp: true }]);
    // Config answered there (config:* is exempt) with no recorder: not a missing guardrail, the region is closed.
    expect(new Set(statuses(LANDING_ZONE, 'ap-southeast-2'))).toEqual(new Set(['NOT_APPLICABLE']));
    expect(finding(outcome, LANDING_ZONE, 'config-recorder-recording', 'ap-southeast-2')[0]?.messageId).toBe('engine.regionClosed');
  });

  it('judges IAM-005 for an account whose us-east-1 is closed from the central account, never NOT_APPLICABLE', () => {
    const eu = account(outcome, EU_ONLY)!;
    expect(eu.skippedRegions.map((s) => s.region)).toEqual(['us-east-1']);
    // The Basic-plan management account's status API cannot answer; its service access list shows Health on.
    const health = finding(outcome, EU_ONLY, 'health-risk-events-routed', 'us-east-1')[0]!;
    expect([health.status, health.messageId]).toEqual(['PASS', 'health-risk-events-routed.coveredCentrally']);
  });

  it('credits a Security Hub "failed controls" rule for Config non-compliance, not for GuardDuty', () => {
    expect(finding(outcome, EU_ONLY, 'config-noncompliance-routed', 'eu-west-1')[0]).toMatchObject({ status: 'PASS', messageId: 'config-noncompliance-routed.routedViaSecurityHub' });
  });

  it('does not credit a GuardDuty administrator rule that filters detail.accountId on the administrator', () => {
    expect(finding(outcome, PROD, 'guardduty-credential-findings-routed', 'eu-west-1')[0]?.status).toBe('PASS');
    const member = finding(outcome, GD_MEMBER, 'guardduty-credential-findings-routed', 'eu-west-1')[0]!;
    expect([member.status, member.messageId]).toEqual(['FAIL', 'guardduty-credential-findings-routed.notRouted']);
  });
});

/** The original organization only, so throttling counts stay per account and region reached. */
function faultyScenario(): Scenario {
  const scenario = wireScenario();
  scenario.accounts = scenario.accounts.filter((a) => ![LANDING_ZONE, EU_ONLY, GD_MEMBER].includes(a.id));
  scenario.faults = {
    throttle: [
      { action: 'ec2:DescribeInstances', count: 2 },
      { action: 'iam:GetAccountAuthorizationDetails', count: 1 },
      { action: 'events:ListRules', count: 1 },
      { action: 'guardduty:ListDetectors', count: 1 },
    ],
    deny: [
      { action: '*', accountId: PROD, region: 'eu-west-1', by: 'scp' },
      { action: 'support:DescribeSeverityLevels', accountId: MGMT },
    ],
  };
  return scenario;
}

describe('a scan under throttling and denies', () => {
  const fake = useFakeAws(faultyScenario);
  let outcome: ScanOutcome;

  it('retries every protocol\'s throttling error to success and counts it', async () => {
    outcome = await scanOrganization();
    const stats = fake().stats();
    // Per account and region reached (PROD's eu-west-1 is denied before any throttle applies).
    expect(stats.errors).toMatchObject({ RequestLimitExceeded: 6, Throttling: 2, ThrottlingException: 3, TooManyRequestsException: 3 });
    expect(outcome.summary.totals.throttles).toBe(stats.throttled);
    expect(outcome.summary.totals.retries).toBeGreaterThanOrEqual(stats.throttled);
    expect(outcome.summary.totals.requests).toBe(stats.requests);
  });

  it('skips a region a service control policy denies, with that reason', () => {
    const prod = account(outcome, PROD);
    expect(prod?.status).toBe('SCANNED');
    expect(prod?.regions).toEqual(['us-east-1']);
    expect(prod?.skippedRegions.map((s) => s.region).sort()).toEqual(['ap-east-1', 'eu-west-1']);
    expect(prod?.skippedRegions.find((s) => s.region === 'eu-west-1')?.reason).toMatch(/service control policy/);
  });

  it('limits an IAM deny on one API to the checks that need it', () => {
    expect(account(outcome, MGMT)?.status).toBe('PARTIAL');
    const support = finding(outcome, MGMT, 'support-plan-business-or-higher')[0];
    expect(support?.status).toBe('ERROR');
    expect(support?.message).toContain('support:DescribeSeverityLevels');
    const mgmtErrors = outcome.results.findings.filter((f) => f.accountId === MGMT && f.status === 'ERROR');
    expect(mgmtErrors.map((f) => f.checkId)).toEqual(['support-plan-business-or-higher']);
  });
});
