// The whole tool as a user runs it: the built CLI, in a child process, scanning the demo
// organization served by the loopback fake AWS through AWS_ENDPOINT_URL.

import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/contract/results.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { startFakeAws, type FakeAws, type Scenario } from '../fake-aws/index.js';

const run = promisify(execFile);
const CLI = 'dist/src/cli/main.js';
const BASE_SECRET = 'e2e-base-secret-key-0000000000000000000000';

let fake: FakeAws;
let scenario: Scenario;
let work: string;

beforeAll(async () => {
  scenario = JSON.parse(await readFile('demo/scenario.json', 'utf8')) as Scenario;
  // Relative dates in the scenario resolve against one instant, so two scans see the same evidence.
  const started = new Date();
  fake = await startFakeAws(scenario, { now: () => started });
  work = await mkdtemp(join(tmpdir(), 'partner-audit-e2e-'));
});

afterAll(async () => {
  await fake?.stop();
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    AWS_ENDPOINT_URL: fake.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIAE2EBASE000000001',
    AWS_SECRET_ACCESS_KEY: BASE_SECRET,
    AWS_REGION: 'us-east-1',
    PARTNER_AUDIT_EXTERNAL_ID: scenario.externalId,
    NO_COLOR: '1',
  };
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function results(dir: string): Promise<Results> {
  return JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as Results;
}

/** The status of a requirement row: an account's, or the partner's when no account is given. */
function statusOf(r: Results, requirementId: string, accountId?: string): string | undefined {
  return r.requirements.find((x) => x.requirementId === requirementId && x.accountId === accountId)?.status;
}

const [MGMT, PROD_EU, PROD_US, SHARED] = ['401234567890', '402345678901', '403456789012', '404567890123'];

/** Automated requirements × accounts, as the demo scenario is built to produce. */
const EXPECTED_MATRIX: Record<string, string[]> = {
  'SUP-001': ['PASS', 'PASS', 'PASS', 'FAIL'],
  'IAM-002': ['FAIL', 'FAIL', 'WARN', 'FAIL'],
  'IAM-005': ['WARN', 'WARN', 'WARN', 'FAIL'],
  'SECOPS-007': ['FAIL', 'WARN', 'FAIL', 'WARN'],
  'SECOPS-008': ['FAIL', 'WARN', 'FAIL', 'WARN'],
  'SECOPS-009': ['FAIL', 'WARN', 'FAIL', 'WARN'],
  'SECOPS-004': ['MANUAL', 'MANUAL', 'MANUAL', 'MANUAL'],
  'SECOPS-011': ['MANUAL', 'PASS', 'FAIL', 'PASS'],
  'AWSAPI-004': ['NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE'],
};

/**
 * Every finding that is not a PASS: status, check, account, region, resource. The demo organization has
 * no CloudTrail trail (REL-003 fails in every account), no API, web ACL, dashboard, SLO, canary, OAM link,
 * Runtime Monitoring or ticketing integration, and alarms only where its workloads are not watched: the
 * IAM-007, SECOPS-001, SECOPS-006, REL-002, REL-004 and PRF-001 checks warn or find nothing to judge.
 */
const EXPECTED_NON_PASS = [
    'FAIL acm-certificates-auto-renew 403456789012 us-east-1 arn:aws:acm:us-east-1:403456789012:certificate/21091540-2109-2109-2109-2109154070da',
    'FAIL cloudtrail-multi-region-logging 401234567890 global arn:aws:iam::401234567890:root',
    'FAIL cloudtrail-multi-region-logging 402345678901 global arn:aws:iam::402345678901:root',
    'FAIL cloudtrail-multi-region-logging 403456789012 global arn:aws:iam::403456789012:root',
    'FAIL cloudtrail-multi-region-logging 404567890123 global arn:aws:iam::404567890123:root',
    'FAIL config-noncompliance-routed 401234567890 us-east-1 arn:aws:events:us-east-1:401234567890:event-bus/default',
    'FAIL config-noncompliance-routed 401234567890 us-west-2 arn:aws:events:us-west-2:401234567890:event-bus/default',
    'FAIL config-noncompliance-routed 403456789012 eu-west-1 arn:aws:events:eu-west-1:403456789012:event-bus/default',
    'FAIL config-recorder-recording 401234567890 eu-west-1 arn:aws:config:eu-west-1:401234567890:configuration-recorder',
    'FAIL config-recorder-recording 403456789012 us-west-2 arn:aws:config:us-west-2:403456789012:configuration-recorder/default',
    'FAIL ec2-imdsv2-required 402345678901 eu-west-1 arn:aws:ec2:eu-west-1:402345678901:instance/i-0a1b2c3d4e5f60003',
    'FAIL ec2-imdsv2-required 403456789012 us-east-1 arn:aws:ec2:us-east-1:403456789012:instance/i-0b2c3d4e5f6a70001',
    'FAIL ec2-launch-template-imdsv2 403456789012 us-east-1 arn:aws:ec2:us-east-1:403456789012:launch-template/lt-0e1d2c3b4a5f70001',
    'FAIL guardduty-credential-findings-routed 401234567890 eu-west-1 arn:aws:events:eu-west-1:401234567890:event-bus/default',
    'FAIL guardduty-credential-findings-routed 401234567890 us-west-2 arn:aws:events:us-west-2:401234567890:event-bus/default',
    'FAIL guardduty-enabled 403456789012 us-west-2 arn:aws:guardduty:us-west-2:403456789012:detector',
    'FAIL guardduty-network-findings-routed 401234567890 eu-west-1 arn:aws:events:eu-west-1:401234567890:event-bus/default',
    'FAIL guardduty-network-findings-routed 401234567890 us-west-2 arn:aws:events:us-west-2:401234567890:event-bus/default',
    'FAIL iam-quarantined-user-active-key 404567890123 global arn:aws:iam::404567890123:user/old-build-agent',
    'FAIL iam-root-access-key-absent 401234567890 global arn:aws:iam::401234567890:root',
    'FAIL iam-service-user-access-keys 401234567890 global arn:aws:iam::401234567890:user/ci-deploy',
    'FAIL iam-service-user-access-keys 402345678901 global arn:aws:iam::402345678901:user/legacy-etl',
    'FAIL iam-service-user-access-keys 404567890123 global arn:aws:iam::404567890123:user/old-build-agent',
    'FAIL support-plan-business-or-higher 404567890123 global arn:aws:iam::404567890123:root',
    'NOT_APPLICABLE acm-certificates-auto-renew 401234567890 eu-west-1 arn:aws:acm:eu-west-1:401234567890:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 401234567890 us-east-1 arn:aws:acm:us-east-1:401234567890:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 401234567890 us-west-2 arn:aws:acm:us-west-2:401234567890:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 402345678901 eu-west-1 arn:aws:acm:eu-west-1:402345678901:certificate/e9d70b4e-e9d7-e9d7-e9d7-e9d70b4ededc',
    'NOT_APPLICABLE acm-certificates-auto-renew 402345678901 us-east-1 arn:aws:acm:us-east-1:402345678901:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 402345678901 us-west-2 arn:aws:acm:us-west-2:402345678901:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 403456789012 eu-west-1 arn:aws:acm:eu-west-1:403456789012:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 403456789012 us-east-1 arn:aws:acm:us-east-1:403456789012:certificate/59dbb7aa-59db-59db-59db-59dbb7aa56b8',
    'NOT_APPLICABLE acm-certificates-auto-renew 403456789012 us-west-2 arn:aws:acm:us-west-2:403456789012:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 404567890123 eu-west-1 arn:aws:acm:eu-west-1:404567890123:certificate',
    'NOT_APPLICABLE acm-certificates-auto-renew 404567890123 us-west-2 arn:aws:acm:us-west-2:404567890123:certificate',
    'NOT_APPLICABLE apigateway-routes-authenticated 401234567890 eu-west-1 arn:aws:apigateway:eu-west-1:401234567890:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 401234567890 us-east-1 arn:aws:apigateway:us-east-1:401234567890:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 401234567890 us-west-2 arn:aws:apigateway:us-west-2:401234567890:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 402345678901 eu-west-1 arn:aws:apigateway:eu-west-1:402345678901:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 402345678901 us-east-1 arn:aws:apigateway:us-east-1:402345678901:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 402345678901 us-west-2 arn:aws:apigateway:us-west-2:402345678901:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 403456789012 eu-west-1 arn:aws:apigateway:eu-west-1:403456789012:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 403456789012 us-east-1 arn:aws:apigateway:us-east-1:403456789012:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 403456789012 us-west-2 arn:aws:apigateway:us-west-2:403456789012:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 404567890123 eu-west-1 arn:aws:apigateway:eu-west-1:404567890123:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 404567890123 us-east-1 arn:aws:apigateway:us-east-1:404567890123:restapis',
    'NOT_APPLICABLE apigateway-routes-authenticated 404567890123 us-west-2 arn:aws:apigateway:us-west-2:404567890123:restapis',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 401234567890 eu-west-1 arn:aws:cloudformation:eu-west-1:401234567890:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 401234567890 us-east-1 arn:aws:cloudformation:us-east-1:401234567890:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 401234567890 us-west-2 arn:aws:cloudformation:us-west-2:401234567890:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 402345678901 us-east-1 arn:aws:cloudformation:us-east-1:402345678901:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 402345678901 us-west-2 arn:aws:cloudformation:us-west-2:402345678901:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 403456789012 eu-west-1 arn:aws:cloudformation:eu-west-1:403456789012:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 403456789012 us-west-2 arn:aws:cloudformation:us-west-2:403456789012:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 404567890123 eu-west-1 arn:aws:cloudformation:eu-west-1:404567890123:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 404567890123 us-east-1 arn:aws:cloudformation:us-east-1:404567890123:stack',
    'NOT_APPLICABLE cloudformation-resources-managed-as-code 404567890123 us-west-2 arn:aws:cloudformation:us-west-2:404567890123:stack',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 401234567890 eu-west-1 arn:aws:cloudwatch:eu-west-1:401234567890:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 401234567890 us-east-1 arn:aws:cloudwatch:us-east-1:401234567890:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 401234567890 us-west-2 arn:aws:cloudwatch:us-west-2:401234567890:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 402345678901 us-east-1 arn:aws:cloudwatch:us-east-1:402345678901:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 402345678901 us-west-2 arn:aws:cloudwatch:us-west-2:402345678901:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 403456789012 eu-west-1 arn:aws:cloudwatch:eu-west-1:403456789012:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 403456789012 us-west-2 arn:aws:cloudwatch:us-west-2:403456789012:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 404567890123 eu-west-1 arn:aws:cloudwatch:eu-west-1:404567890123:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 404567890123 us-east-1 arn:aws:cloudwatch:us-east-1:404567890123:alarm',
    'NOT_APPLICABLE cloudwatch-alarms-actionable 404567890123 us-west-2 arn:aws:cloudwatch:us-west-2:404567890123:alarm',
    'NOT_APPLICABLE config-noncompliance-routed 401234567890 eu-west-1 arn:aws:events:eu-west-1:401234567890:event-bus/default',
    'NOT_APPLICABLE config-noncompliance-routed 403456789012 us-west-2 arn:aws:events:us-west-2:403456789012:event-bus/default',
    'NOT_APPLICABLE config-rules-active 401234567890 eu-west-1 arn:aws:config:eu-west-1:401234567890:config-rule',
    'NOT_APPLICABLE config-rules-active 403456789012 us-west-2 arn:aws:config:us-west-2:403456789012:config-rule',
    'NOT_APPLICABLE directconnect-connections-redundant 401234567890 eu-west-1 arn:aws:directconnect:eu-west-1:401234567890:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 401234567890 us-east-1 arn:aws:directconnect:us-east-1:401234567890:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 401234567890 us-west-2 arn:aws:directconnect:us-west-2:401234567890:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 402345678901 eu-west-1 arn:aws:directconnect:eu-west-1:402345678901:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 402345678901 us-east-1 arn:aws:directconnect:us-east-1:402345678901:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 402345678901 us-west-2 arn:aws:directconnect:us-west-2:402345678901:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 403456789012 eu-west-1 arn:aws:directconnect:eu-west-1:403456789012:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 403456789012 us-east-1 arn:aws:directconnect:us-east-1:403456789012:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 403456789012 us-west-2 arn:aws:directconnect:us-west-2:403456789012:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 404567890123 eu-west-1 arn:aws:directconnect:eu-west-1:404567890123:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 404567890123 us-east-1 arn:aws:directconnect:us-east-1:404567890123:dxcon',
    'NOT_APPLICABLE directconnect-connections-redundant 404567890123 us-west-2 arn:aws:directconnect:us-west-2:404567890123:dxcon',
    'NOT_APPLICABLE ec2-imdsv2-required 401234567890 eu-west-1 arn:aws:ec2:eu-west-1:401234567890:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 401234567890 us-east-1 arn:aws:ec2:us-east-1:401234567890:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 401234567890 us-west-2 arn:aws:ec2:us-west-2:401234567890:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 402345678901 us-east-1 arn:aws:ec2:us-east-1:402345678901:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 402345678901 us-west-2 arn:aws:ec2:us-west-2:402345678901:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 403456789012 eu-west-1 arn:aws:ec2:eu-west-1:403456789012:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 403456789012 us-west-2 arn:aws:ec2:us-west-2:403456789012:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 404567890123 eu-west-1 arn:aws:ec2:eu-west-1:404567890123:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 404567890123 us-east-1 arn:aws:ec2:us-east-1:404567890123:instance',
    'NOT_APPLICABLE ec2-imdsv2-required 404567890123 us-west-2 arn:aws:ec2:us-west-2:404567890123:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 401234567890 eu-west-1 arn:aws:ec2:eu-west-1:401234567890:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 401234567890 us-east-1 arn:aws:ec2:us-east-1:401234567890:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 401234567890 us-west-2 arn:aws:ec2:us-west-2:401234567890:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 402345678901 us-east-1 arn:aws:ec2:us-east-1:402345678901:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 402345678901 us-west-2 arn:aws:ec2:us-west-2:402345678901:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 403456789012 eu-west-1 arn:aws:ec2:eu-west-1:403456789012:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 403456789012 us-west-2 arn:aws:ec2:us-west-2:403456789012:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 404567890123 eu-west-1 arn:aws:ec2:eu-west-1:404567890123:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 404567890123 us-east-1 arn:aws:ec2:us-east-1:404567890123:instance',
    'NOT_APPLICABLE ec2-instances-hardened-images 404567890123 us-west-2 arn:aws:ec2:us-west-2:404567890123:instance',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 401234567890 eu-west-1 arn:aws:ec2:eu-west-1:401234567890:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 401234567890 us-east-1 arn:aws:ec2:us-east-1:401234567890:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 401234567890 us-west-2 arn:aws:ec2:us-west-2:401234567890:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 402345678901 us-east-1 arn:aws:ec2:us-east-1:402345678901:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 402345678901 us-west-2 arn:aws:ec2:us-west-2:402345678901:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 403456789012 eu-west-1 arn:aws:ec2:eu-west-1:403456789012:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 404567890123 eu-west-1 arn:aws:ec2:eu-west-1:404567890123:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 404567890123 us-east-1 arn:aws:ec2:us-east-1:404567890123:launch-template',
    'NOT_APPLICABLE ec2-launch-template-imdsv2 404567890123 us-west-2 arn:aws:ec2:us-west-2:404567890123:launch-template',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 401234567890 eu-west-1 arn:aws:ec2:eu-west-1:401234567890:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 401234567890 us-east-1 arn:aws:ec2:us-east-1:401234567890:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 401234567890 us-west-2 arn:aws:ec2:us-west-2:401234567890:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 402345678901 eu-west-1 arn:aws:ec2:eu-west-1:402345678901:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 402345678901 us-east-1 arn:aws:ec2:us-east-1:402345678901:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 402345678901 us-west-2 arn:aws:ec2:us-west-2:402345678901:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 403456789012 eu-west-1 arn:aws:ec2:eu-west-1:403456789012:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 403456789012 us-east-1 arn:aws:ec2:us-east-1:403456789012:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 403456789012 us-west-2 arn:aws:ec2:us-west-2:403456789012:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 404567890123 eu-west-1 arn:aws:ec2:eu-west-1:404567890123:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 404567890123 us-east-1 arn:aws:ec2:us-east-1:404567890123:natgateway',
    'NOT_APPLICABLE ec2-nat-gateways-zone-redundant 404567890123 us-west-2 arn:aws:ec2:us-west-2:404567890123:natgateway',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 401234567890 eu-west-1 arn:aws:ec2:eu-west-1:401234567890:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 401234567890 us-east-1 arn:aws:ec2:us-east-1:401234567890:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 401234567890 us-west-2 arn:aws:ec2:us-west-2:401234567890:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 402345678901 eu-west-1 arn:aws:ec2:eu-west-1:402345678901:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 402345678901 us-east-1 arn:aws:ec2:us-east-1:402345678901:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 402345678901 us-west-2 arn:aws:ec2:us-west-2:402345678901:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 403456789012 eu-west-1 arn:aws:ec2:eu-west-1:403456789012:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 403456789012 us-east-1 arn:aws:ec2:us-east-1:403456789012:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 403456789012 us-west-2 arn:aws:ec2:us-west-2:403456789012:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 404567890123 eu-west-1 arn:aws:ec2:eu-west-1:404567890123:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 404567890123 us-east-1 arn:aws:ec2:us-east-1:404567890123:security-group',
    'NOT_APPLICABLE ec2-security-groups-no-interactive-access 404567890123 us-west-2 arn:aws:ec2:us-west-2:404567890123:security-group',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 401234567890 eu-west-1 arn:aws:ec2:eu-west-1:401234567890:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 401234567890 us-east-1 arn:aws:ec2:us-east-1:401234567890:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 401234567890 us-west-2 arn:aws:ec2:us-west-2:401234567890:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 402345678901 eu-west-1 arn:aws:ec2:eu-west-1:402345678901:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 402345678901 us-east-1 arn:aws:ec2:us-east-1:402345678901:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 402345678901 us-west-2 arn:aws:ec2:us-west-2:402345678901:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 403456789012 eu-west-1 arn:aws:ec2:eu-west-1:403456789012:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 403456789012 us-east-1 arn:aws:ec2:us-east-1:403456789012:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 403456789012 us-west-2 arn:aws:ec2:us-west-2:403456789012:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 404567890123 eu-west-1 arn:aws:ec2:eu-west-1:404567890123:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 404567890123 us-east-1 arn:aws:ec2:us-east-1:404567890123:vpn-connection',
    'NOT_APPLICABLE ec2-vpn-tunnels-up 404567890123 us-west-2 arn:aws:ec2:us-west-2:404567890123:vpn-connection',
    'NOT_APPLICABLE elb-load-balancers-multi-az 401234567890 eu-west-1 arn:aws:elasticloadbalancing:eu-west-1:401234567890:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 401234567890 us-east-1 arn:aws:elasticloadbalancing:us-east-1:401234567890:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 401234567890 us-west-2 arn:aws:elasticloadbalancing:us-west-2:401234567890:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 402345678901 eu-west-1 arn:aws:elasticloadbalancing:eu-west-1:402345678901:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 402345678901 us-east-1 arn:aws:elasticloadbalancing:us-east-1:402345678901:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 402345678901 us-west-2 arn:aws:elasticloadbalancing:us-west-2:402345678901:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 403456789012 eu-west-1 arn:aws:elasticloadbalancing:eu-west-1:403456789012:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 403456789012 us-east-1 arn:aws:elasticloadbalancing:us-east-1:403456789012:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 403456789012 us-west-2 arn:aws:elasticloadbalancing:us-west-2:403456789012:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 404567890123 eu-west-1 arn:aws:elasticloadbalancing:eu-west-1:404567890123:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 404567890123 us-east-1 arn:aws:elasticloadbalancing:us-east-1:404567890123:loadbalancer',
    'NOT_APPLICABLE elb-load-balancers-multi-az 404567890123 us-west-2 arn:aws:elasticloadbalancing:us-west-2:404567890123:loadbalancer',
    'NOT_APPLICABLE guardduty-credential-findings-routed 403456789012 us-west-2 arn:aws:events:us-west-2:403456789012:event-bus/default',
    'NOT_APPLICABLE guardduty-network-findings-routed 403456789012 us-west-2 arn:aws:events:us-west-2:403456789012:event-bus/default',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 401234567890 eu-west-1 arn:aws:guardduty:eu-west-1:401234567890:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 401234567890 us-east-1 arn:aws:guardduty:us-east-1:401234567890:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 401234567890 us-west-2 arn:aws:guardduty:us-west-2:401234567890:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 402345678901 us-east-1 arn:aws:guardduty:us-east-1:402345678901:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 402345678901 us-west-2 arn:aws:guardduty:us-west-2:402345678901:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 403456789012 eu-west-1 arn:aws:guardduty:eu-west-1:403456789012:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 403456789012 us-west-2 arn:aws:guardduty:us-west-2:403456789012:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 404567890123 eu-west-1 arn:aws:guardduty:eu-west-1:404567890123:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 404567890123 us-east-1 arn:aws:guardduty:us-east-1:404567890123:detector',
    'NOT_APPLICABLE guardduty-runtime-monitoring-enabled 404567890123 us-west-2 arn:aws:guardduty:us-west-2:404567890123:detector',
    'NOT_APPLICABLE health-open-risk-events 404567890123 global arn:aws:iam::404567890123:root',
    'NOT_APPLICABLE iam-server-certificates-absent 401234567890 global arn:aws:iam::401234567890:root',
    'NOT_APPLICABLE iam-server-certificates-absent 402345678901 global arn:aws:iam::402345678901:root',
    'NOT_APPLICABLE iam-server-certificates-absent 404567890123 global arn:aws:iam::404567890123:root',
    'NOT_APPLICABLE kms-customer-keys-protected 401234567890 eu-west-1 arn:aws:kms:eu-west-1:401234567890:key',
    'NOT_APPLICABLE kms-customer-keys-protected 401234567890 us-east-1 arn:aws:kms:us-east-1:401234567890:key',
    'NOT_APPLICABLE kms-customer-keys-protected 401234567890 us-west-2 arn:aws:kms:us-west-2:401234567890:key',
    'NOT_APPLICABLE kms-customer-keys-protected 402345678901 eu-west-1 arn:aws:kms:eu-west-1:402345678901:key',
    'NOT_APPLICABLE kms-customer-keys-protected 402345678901 us-east-1 arn:aws:kms:us-east-1:402345678901:key',
    'NOT_APPLICABLE kms-customer-keys-protected 402345678901 us-west-2 arn:aws:kms:us-west-2:402345678901:key',
    'NOT_APPLICABLE kms-customer-keys-protected 403456789012 eu-west-1 arn:aws:kms:eu-west-1:403456789012:key',
    'NOT_APPLICABLE kms-customer-keys-protected 403456789012 us-east-1 arn:aws:kms:us-east-1:403456789012:key',
    'NOT_APPLICABLE kms-customer-keys-protected 403456789012 us-west-2 arn:aws:kms:us-west-2:403456789012:key',
    'NOT_APPLICABLE kms-customer-keys-protected 404567890123 eu-west-1 arn:aws:kms:eu-west-1:404567890123:key',
    'NOT_APPLICABLE kms-customer-keys-protected 404567890123 us-east-1 arn:aws:kms:us-east-1:404567890123:key',
    'NOT_APPLICABLE kms-customer-keys-protected 404567890123 us-west-2 arn:aws:kms:us-west-2:404567890123:key',
    'NOT_APPLICABLE wafv2-web-acl-protects-endpoints 401234567890 global arn:aws:iam::401234567890:root',
    'NOT_APPLICABLE wafv2-web-acl-protects-endpoints 402345678901 global arn:aws:iam::402345678901:root',
    'NOT_APPLICABLE wafv2-web-acl-protects-endpoints 403456789012 global arn:aws:iam::403456789012:root',
    'NOT_APPLICABLE wafv2-web-acl-protects-endpoints 404567890123 global arn:aws:iam::404567890123:root',
    'WARN acm-certificates-auto-renew 403456789012 us-east-1 arn:aws:acm:us-east-1:403456789012:certificate/6a987da2-6a98-6a98-6a98-6a987da2c6c0',
    'WARN cloudformation-resources-managed-as-code 402345678901 eu-west-1 arn:aws:cloudformation:eu-west-1:402345678901:stack',
    'WARN cloudformation-resources-managed-as-code 403456789012 us-east-1 arn:aws:cloudformation:us-east-1:403456789012:stack',
    'WARN cloudwatch-alarms-actionable 402345678901 eu-west-1 arn:aws:cloudwatch:eu-west-1:402345678901:alarm',
    'WARN cloudwatch-alarms-actionable 403456789012 us-east-1 arn:aws:cloudwatch:us-east-1:403456789012:alarm',
    'WARN cloudwatch-central-monitoring 401234567890 global arn:aws:iam::401234567890:root',
    'WARN cloudwatch-central-monitoring 402345678901 global arn:aws:iam::402345678901:root',
    'WARN cloudwatch-central-monitoring 403456789012 global arn:aws:iam::403456789012:root',
    'WARN cloudwatch-central-monitoring 404567890123 global arn:aws:iam::404567890123:root',
    'WARN cloudwatch-kpis-defined 401234567890 global arn:aws:iam::401234567890:root',
    'WARN cloudwatch-kpis-defined 402345678901 global arn:aws:iam::402345678901:root',
    'WARN cloudwatch-kpis-defined 403456789012 global arn:aws:iam::403456789012:root',
    'WARN cloudwatch-kpis-defined 404567890123 global arn:aws:iam::404567890123:root',
    'WARN config-noncompliance-routed 402345678901 us-east-1 arn:aws:events:us-east-1:402345678901:event-bus/default',
    'WARN config-noncompliance-routed 402345678901 us-west-2 arn:aws:events:us-west-2:402345678901:event-bus/default',
    'WARN config-noncompliance-routed 404567890123 eu-west-1 arn:aws:events:eu-west-1:404567890123:event-bus/default',
    'WARN config-noncompliance-routed 404567890123 us-east-1 arn:aws:events:us-east-1:404567890123:event-bus/default',
    'WARN config-noncompliance-routed 404567890123 us-west-2 arn:aws:events:us-west-2:404567890123:event-bus/default',
    'WARN ec2-instances-hardened-images 402345678901 eu-west-1 arn:aws:imagebuilder:eu-west-1:402345678901:image-pipeline',
    'WARN ec2-instances-hardened-images 403456789012 us-east-1 arn:aws:imagebuilder:us-east-1:403456789012:image-pipeline',
    'WARN eventbridge-findings-reach-ticketing 401234567890 eu-west-1 arn:aws:events:eu-west-1:401234567890:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 401234567890 us-east-1 arn:aws:events:us-east-1:401234567890:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 401234567890 us-west-2 arn:aws:events:us-west-2:401234567890:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 402345678901 eu-west-1 arn:aws:events:eu-west-1:402345678901:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 402345678901 us-east-1 arn:aws:events:us-east-1:402345678901:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 402345678901 us-west-2 arn:aws:events:us-west-2:402345678901:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 403456789012 eu-west-1 arn:aws:events:eu-west-1:403456789012:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 403456789012 us-east-1 arn:aws:events:us-east-1:403456789012:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 403456789012 us-west-2 arn:aws:events:us-west-2:403456789012:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 404567890123 eu-west-1 arn:aws:events:eu-west-1:404567890123:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 404567890123 us-east-1 arn:aws:events:us-east-1:404567890123:event-bus/default',
    'WARN eventbridge-findings-reach-ticketing 404567890123 us-west-2 arn:aws:events:us-west-2:404567890123:event-bus/default',
    'WARN guardduty-runtime-monitoring-enabled 402345678901 eu-west-1 arn:aws:guardduty:eu-west-1:402345678901:detector',
    'WARN guardduty-runtime-monitoring-enabled 403456789012 us-east-1 arn:aws:guardduty:us-east-1:403456789012:detector',
    'WARN health-open-risk-events 403456789012 global arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/AWS_RISK_CREDENTIALS_EXPOSED_403456789012',
    'WARN iam-server-certificates-absent 403456789012 global arn:aws:iam::403456789012:server-certificate/legacy-storefront-2025',
    'WARN iam-service-user-access-keys 401234567890 global arn:aws:iam::401234567890:user/backup-sync',
    'WARN iam-service-user-access-keys 401234567890 global arn:aws:iam::401234567890:user/maria.garcia',
    'WARN iam-service-user-access-keys 403456789012 global arn:aws:iam::403456789012:user/metrics-exporter',
];

describe('partner-audit scan --org against the demo organization', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    dir = join(work, 'plain');
    first = await cli(['scan', '--org', '--out', dir, '--format', 'all']);
  });

  it('exits 3 because requirements fail, and prints the verdict, counts, what to fix first and the report path', () => {
    expect(first.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(first.code).toBe(3);
    expect(first.stdout).toMatch(/^\d+ of \d+ requirements need action \(\d+ fail, \d+ could not be checked\); \d+ to review, \d+ to attest\.$/m);
    expect(first.stdout).toMatch(/^Requirement rows: \d+ FAIL · /m);
    const fixFirst = first.stdout.slice(first.stdout.indexOf('Fix first:')).split('\n').slice(1, 6);
    expect(fixFirst).toHaveLength(5);
    for (const line of fixFirst) expect(line).toMatch(/^ {2}FAIL {2}(critical|high|medium|low) +[A-Z]+-\d{3} \S.* \(.+\)$/);
    expect(first.stdout).toContain(`Report: ${join(dir, 'report.html')}`);
  });

  it('scans every active account and skips the opt-in region that is not enabled', async () => {
    const r = await results(dir);
    expect(r.accounts.map((a) => [a.accountId, a.status])).toEqual([
      [MGMT, 'SCANNED'],
      [PROD_EU, 'SCANNED'],
      [PROD_US, 'SCANNED'],
      [SHARED, 'SCANNED'],
    ]);
    for (const account of r.accounts) expect(account.skippedRegions.map((s) => s.region)).toEqual(['ap-east-1']);
  });

  it('rolls the automated requirements up as expected for each account', async () => {
    const r = await results(dir);
    for (const [requirement, statuses] of Object.entries(EXPECTED_MATRIX)) {
      expect([requirement, ...[MGMT, PROD_EU, PROD_US, SHARED].map((a) => statusOf(r, requirement, a))]).toEqual([requirement, ...statuses]);
    }
    expect(statusOf(r, 'DOC-001', MGMT)).toBeUndefined();
    expect(statusOf(r, 'DOC-001')).toBe('MANUAL');
    expect(r.requirements.filter((x) => x.requirementId === 'DOC-001')).toHaveLength(1);
  });

  it('produces exactly the expected non-passing findings, each with request IDs', async () => {
    const r = await results(dir);
    const rows = r.findings.filter((f) => f.status !== 'PASS').map((f) => `${f.status} ${f.checkId} ${f.accountId} ${f.region} ${f.resource}`);
    expect(rows.sort()).toEqual(EXPECTED_NON_PASS);
    expect(r.findings.filter((f) => f.status === 'ERROR')).toEqual([]);
    expect(r.findings.filter((f) => f.requestIds.length === 0).map((f) => f.checkId)).toEqual([]);
  });

  it('writes a results file valid against the published JSON Schema', async () => {
    const schema = JSON.parse(await readFile('docs/results.schema.json', 'utf8')) as object;
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(await results(dir)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('never writes the base credentials into any output', async () => {
    for (const file of await readdir(dir, { recursive: true })) {
      if (!/\.(json|jsonl|html|md|csv|xml)$/.test(file)) continue;
      expect(await readFile(join(dir, file), 'utf8'), file).not.toContain(BASE_SECRET);
    }
  });

  it('re-evaluates the saved snapshot offline to the same verdicts', async () => {
    const replay = join(work, 'replay');
    const again = await cli(['scan', '--snapshot', dir, '--out', replay, '--quiet']);
    expect(again.code).toBe(3);
    const [a, b] = [await results(dir), await results(replay)];
    expect(b.requirements).toEqual(a.requirements);
    expect(b.findings).toEqual(a.findings);
  });

  it('resumes an interrupted run to the same content as the uninterrupted one', async () => {
    const resumed = join(work, 'resumed');
    await cp(dir, resumed, { recursive: true });
    const manifestPath = join(resumed, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    // As if the scan had stopped while PROD_US was half collected.
    const cut = manifest.accounts.find((a) => a.accountId === PROD_US)!;
    Object.assign(cut, { status: 'PENDING', regions: [], skippedRegions: [] });
    delete cut.finishedAt;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, complete: false }));
    // An interrupted scan was never sealed.
    await rm(join(resumed, 'SHA256SUMS'));
    const datasets = join(resumed, 'datasets', `${PROD_US}.jsonl`);
    await writeFile(datasets, (await readFile(datasets, 'utf8')).split('\n').slice(0, 3).join('\n') + '\n{"trunc');

    const out = await cli(['scan', '--org', '--resume', resumed, '--quiet']);
    expect(out.code).toBe(3);
    const [a, b] = [await results(dir), await results(resumed)];
    expect(b.requirements).toEqual(a.requirements);
    const verdicts = (r: Results) => r.findings.map((f) => [f.checkId, f.accountId, f.region, f.resource, f.status, f.message]);
    expect(verdicts(b)).toEqual(verdicts(a));
  });

  it('shards the organization, merges the shards, and re-evaluates them to the same verdicts', async () => {
    const shards = [join(work, 'shard-1'), join(work, 'shard-2')];
    for (const [i, shard] of shards.entries()) {
      const out = await cli(['scan', '--org', '--shard', `${i + 1}/2`, '--out', shard, '--quiet', '--exit-zero']);
      expect(out.code, out.stderr).toBe(0);
    }
    const merged = join(work, 'merged');
    expect((await cli(['merge', merged, ...shards])).code).toBe(0);
    expect((await cli(['verify', merged])).code).toBe(0);
    // The merge judges partner rows over every shard's findings in account order, as the whole scan did.
    expect((await results(merged)).requirements).toEqual((await results(dir)).requirements);
    const final = join(work, 'merged-evaluated');
    expect((await cli(['scan', '--snapshot', merged, '--out', final, '--quiet'])).code).toBe(3);
    const [a, b] = [await results(dir), await results(final)];
    expect(b.accounts.map((x) => x.accountId).sort()).toEqual([MGMT, PROD_EU, PROD_US, SHARED]);
    expect(b.requirements).toEqual(a.requirements);
  });

  it('verifies the evidence bundle it wrote', async () => {
    const verified = await cli(['verify', dir]);
    expect(verified.code).toBe(0);
  });
});

describe('partner-audit scan with an attestations file', () => {
  let r: Results;

  beforeAll(async () => {
    const file = join(work, 'attestations.yaml');
    await writeFile(
      file,
      [
        'checklist: smb-competency',
        'requirements:',
        '  SUP-001:',
        '    status: met',
        '    evidence: ["Partner-Led Support agreement PLS-2291"]',
        '    owner: cloud-ops@example.com',
        '    date: 2026-11-01',
        '  IAM-005:',
        '    status: met',
        '    evidence: ["https://wiki.example.com/secops/health-risk-sla"]',
        '    owner: secops@example.com',
        '    date: 2026-11-01',
        '  DOC-001:',
        '    status: met',
        '    evidence: ["architecture-2026.pdf"]',
        '    owner: architects@example.com',
        '    date: 2026-11-01',
        '  OPE-003:',
        '    status: not-met',
        '    evidence: ["branch protection not yet enforced"]',
        '    owner: eng@example.com',
        '    date: 2026-11-01',
        '  REL-005:',
        '    status: met',
        '    evidence: ["terraform repository"]',
        '    owner: platform@example.com',
        '    date: 2025-01-01',
        '    expires: 2025-06-30',
        '',
      ].join('\n'),
    );
    const dir = join(work, 'attested');
    const out = await cli(['scan', '--org', '--out', dir, '--attestations', file, '--quiet']);
    expect(out.code).toBe(3);
    r = await results(dir);
  });

  it('turns the Basic-plan FAIL of SUP-001 into ATTESTED for Partner-Led Support', () => {
    expect(statusOf(r, 'SUP-001', SHARED)).toBe('ATTESTED');
    expect(statusOf(r, 'SUP-001', MGMT)).toBe('PASS');
  });

  it('lets an attestation complete a partial requirement, but never hide a FAIL', () => {
    expect(statusOf(r, 'IAM-005', MGMT)).toBe('PASS');
    expect(statusOf(r, 'IAM-005', SHARED)).toBe('FAIL');
  });

  it('records manual attestations: met, not met, and expired', () => {
    expect(statusOf(r, 'DOC-001')).toBe('ATTESTED');
    expect(statusOf(r, 'OPE-003')).toBe('FAIL');
    // REL-005 is judged from IaC tags now: the expired statement is ignored and the region's WARN stands.
    const iac = r.requirements.find((row) => row.requirementId === 'REL-005' && row.accountId === PROD_EU);
    expect(iac?.status).toBe('WARN');
    expect(iac?.reason).toMatch(/attestation expired on 2025-06-30, ignored/);
  });
});

describe('bad input', () => {
  it.each([
    [['scan', '--accounts', '12345'], /--accounts: "12345" is not a 12-digit AWS account ID/],
    [['scan', '--regions', 'eu-wset-1'], /unknown region "eu-wset-1" \(did you mean eu-west-1\?\)/],
    [['scan', '--snapshot', 'no/such/dir'], /no\/such\/dir/],
    [['explain', 'IAM-02'], /unknown check or requirement "IAM-02"/],
    [['scan', '--checklist', 'smb'], /unknown checklist "smb"/],
  ])('%j exits 2 with one line', async (args, message) => {
    const out = await cli(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('partner-audit scan with statements limited to accounts and accepted exceptions', () => {
  let r: Results;
  let stdout: string;

  beforeAll(async () => {
    const statements = join(work, 'scoped.yaml');
    await writeFile(statements, [
      'checklist: smb-competency',
      'requirements:',
      '  SUP-001:',
      `    accounts: ["${PROD_EU}"]`,
      '    status: met',
      '    evidence: ["Partner-Led Support agreement PLS-2291, prod-eu only"]',
      '    owner: cloud-ops@example.com',
      '    date: 2026-11-01',
      '',
    ].join('\n'));
    const exceptions = join(work, 'exceptions.yaml');
    await writeFile(exceptions, [
      'exceptions:',
      '  - check: iam-service-user-access-keys',
      `    resource: "arn:aws:iam::${MGMT}:user/ci-*"`,
      '    reason: CI deploy key until the OIDC migration',
      '    owner: platform@example.com',
      '    expires: 2099-01-01',
      '',
    ].join('\n'));
    const dir = join(work, 'scoped');
    const out = await cli(['scan', '--org', '--out', dir, '--attestations', statements, '--attestations', exceptions]);
    expect(out.code).toBe(3);
    stdout = out.stdout;
    r = await results(dir);
  });

  it('does not let a statement for one account vouch for another', () => {
    expect(statusOf(r, 'SUP-001', SHARED)).toBe('FAIL');
    expect(r.requirements.find((x) => x.requirementId === 'SUP-001' && x.accountId === PROD_EU)?.attestation?.accounts).toEqual([PROD_EU]);
    expect(r.requirements.find((x) => x.requirementId === 'SUP-001' && x.accountId === SHARED)?.attestation).toBeUndefined();
  });

  it('marks the excepted finding, keeps its status and counts what the exception covered', () => {
    const excepted = r.findings.filter((f) => f.exception);
    expect(excepted.map((f) => [f.status, f.resource])).toEqual([['FAIL', `arn:aws:iam::${MGMT}:user/ci-deploy`]]);
    expect(r.exceptions).toMatchObject([{ checkId: 'iam-service-user-access-keys', covered: 1, errorsNotCovered: 0, expired: false }]);
    expect(stdout).toContain('Report: ');
  });
});
