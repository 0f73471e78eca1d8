// The logging, monitoring, ticketing and edge checks end to end through the real scanner and SDK
// clients against the wire organization: the answers AWS gives where a service is not set up become
// data, and IAM denies on a WAF, an SNS and a CloudTrail read become errors of what needed them.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../bench/scan-driver.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import type { Finding, Results } from '../../src/contract/results.js';
import type { Scenario } from '../fake-aws/index.js';
import { MGMT, PROD, wireScenario } from './fixtures.js';
import { GD_MEMBER } from './landing-zone-fixtures.js';
import { useFakeAws } from './harness.js';
import { scanOrganization, type WireScan } from './scan.js';

function refusingScenario(): Scenario {
  const scenario = wireScenario();
  const deny = [
    { action: 'wafv2:ListWebACLs', accountId: PROD, region: 'us-east-1' },
    { action: 'sns:ListSubscriptions', accountId: MGMT, region: 'us-east-1' },
    { action: 'cloudtrail:DescribeTrails', accountId: PROD, region: 'eu-west-1' },
  ];
  return { ...scenario, faults: { ...scenario.faults, deny } };
}

async function records(outcome: WireScan, accountId: string): Promise<DatasetRecord[]> {
  const lines = (await readFile(join(outcome.dir, 'datasets', `${accountId}.jsonl`), 'utf8')).trim().split('\n');
  return lines.map((line) => JSON.parse(line) as DatasetRecord);
}

const record = (list: DatasetRecord[], collector: string, region: string) => list.find((r) => r.collector === collector && r.region === region);

function findings(results: Results, accountId: string, checkId: string, region = 'global'): Finding[] {
  return results.findings.filter((f) => f.accountId === accountId && f.checkId === checkId && f.region === region);
}

const summary = (list: Finding[]) => list.map((f) => `${f.status} ${f.messageId.split('.').pop()}`);

describe('logging, monitoring, ticketing and edge checks against the wire organization', () => {
  useFakeAws(refusingScenario);
  let outcome: WireScan;
  let smb: Results;

  it('keeps the not-enabled answers as data and the denied reads as access-denied failures', async () => {
    outcome = await scanOrganization();
    smb = outcome.results;
    const member = await records(outcome, GD_MEMBER);
    expect(record(member, 'macie2.status', 'eu-west-1')).toMatchObject({ ok: true, data: { enabled: false, jobs: [] } });
    expect(record(member, 'inspector2.accountStatus', 'eu-west-1')).toMatchObject({ ok: true, data: { status: 'DISABLED' } });
    expect(record(member, 'inspector2.criticalFindings', 'eu-west-1')).toMatchObject({ ok: true, data: { enabled: false } });
    expect(record(member, 'cloudtrail.trails', 'eu-west-1')).toMatchObject({ ok: true });
    const management = await records(outcome, MGMT);
    expect(record(management, 'macie2.status', 'eu-west-1')).toMatchObject({ ok: true, data: { enabled: true } });
    expect(record(management, 'cloudtrail.assumeRoleEvents', 'us-east-1')).toMatchObject({ ok: true });
    expect(record(management, 'sns.subscriptions', 'us-east-1')).toMatchObject({ ok: false, error: { kind: 'access-denied', action: 'sns:ListSubscriptions' } });
    const prod = await records(outcome, PROD);
    expect(record(prod, 'wafv2.webAcls', 'us-east-1')).toMatchObject({ ok: false, error: { kind: 'access-denied', action: 'wafv2:ListWebACLs' } });
    expect(record(prod, 'cloudtrail.trails', 'eu-west-1')).toMatchObject({ ok: false, error: { kind: 'access-denied' } });
  });

  it('names the ticketing system security findings reach, and errs where the subscriptions could not be read', () => {
    const [prod] = findings(smb, PROD, 'eventbridge-findings-reach-ticketing', 'eu-west-1');
    expect(prod).toMatchObject({ status: 'PASS', messageId: 'eventbridge-findings-reach-ticketing.reachesTicketing' });
    expect(prod!.message).toContain('Jira (acme.atlassian.net via SNS topic');
    expect(summary(findings(smb, MGMT, 'eventbridge-findings-reach-ticketing', 'us-east-1'))).toEqual(['ERROR datasetFailed']);
    const [routed] = findings(smb, PROD, 'guardduty-credential-findings-routed', 'eu-west-1');
    expect(routed).toMatchObject({ status: 'PASS' });
    expect(routed!.message).toContain('; it reaches Jira (acme.atlassian.net');
  });

  it('judges the edge: WAF in front of the ALB and the REST stage, an AppSync API without, open routes listed', () => {
    // An account-scope check: each finding names the region of its resource.
    expect(summary(findings(smb, PROD, 'wafv2-web-acl-protects-endpoints', 'us-east-1'))).toEqual(['ERROR regionUnreadable']);
    expect(summary(findings(smb, PROD, 'wafv2-web-acl-protects-endpoints', 'eu-west-1'))).toEqual(['PASS protected', 'PASS protected', 'WARN noWebAcl']);
    const routes = findings(smb, PROD, 'apigateway-routes-authenticated', 'eu-west-1');
    expect(summary(routes)).toEqual(['WARN openRoutes', 'PASS authenticated']);
    expect(routes[0]!.message).toContain('1 route(s) without authorization: GET /status.');
  });

  it('judges logging, alarms, central monitoring, KPIs and Runtime Monitoring', () => {
    expect(summary(findings(smb, MGMT, 'cloudtrail-multi-region-logging'))).toEqual(['PASS logging']);
    // PROD reads the organization trail in us-east-1 (eu-west-1 is denied); its status comes from MGMT.
    expect(summary(findings(smb, PROD, 'cloudtrail-multi-region-logging'))).toEqual(['PASS loggingPerManagement']);
    expect(summary(findings(smb, PROD, 'cloudwatch-alarms-actionable', 'eu-west-1'))).toEqual(['WARN alarmSilent', 'PASS alarmed']);
    expect(summary(findings(smb, PROD, 'cloudwatch-central-monitoring'))).toEqual(['PASS linked']);
    expect(summary(findings(smb, MGMT, 'cloudwatch-central-monitoring'))).toEqual(['PASS monitoringAccount']);
    expect(summary(findings(smb, MGMT, 'cloudwatch-kpis-defined'))).toEqual(['PASS kpisSeen']);
    expect(summary(findings(smb, PROD, 'guardduty-runtime-monitoring-enabled', 'eu-west-1'))).toEqual(['PASS runtimeMonitoring']);
    expect(summary(findings(smb, MGMT, 'guardduty-runtime-monitoring-enabled', 'eu-west-1'))).toEqual(['WARN notSeen']);
    const rows = smb.requirements.filter((r) => ['REL-003', 'PRF-001'].includes(r.requirementId) && (r.scope === 'partner' || r.accountId === PROD));
    expect(rows.map((r) => `${r.requirementId} ${r.status}`).sort()).toEqual(['PRF-001 WARN', 'REL-003 WARN']);
  });

  it('judges the product\'s role assumptions when the product calls customer accounts', async () => {
    const ftr = await evaluateSnapshot(outcome.dir, 'ftr-partner-hosted', outcome.config);
    const external = findings(ftr, MGMT, 'cloudtrail-assume-role-external-id');
    expect(external.map((f) => f.status)).toContain('FAIL');
  });
});
