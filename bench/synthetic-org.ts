// A synthetic organization for the bench: N accounts × R regions, each region with the resources
// every collector reads, all compliant enough that the scan needs no ERROR finding. No account has a
// credential report yet: each scan generates one, and IAM takes `credentialReportMs` to prepare it.

import type { AccountSpec, FaultSpec, RegionSpec, Scenario } from '../test/fake-aws/index.js';

/** Regions enabled by default in every commercial account (no opt-in). */
export const DEFAULT_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
] as const;

export interface SyntheticOptions {
  accounts: number;
  regions: number;
  latencyMs: [number, number];
  tokenBucket: NonNullable<FaultSpec['tokenBucket']>;
  credentialReportMs: number;
}

export const MANAGEMENT_ACCOUNT = '100000000000';
export const EXTERNAL_ID = 'bench-external-id';

const GUARDDUTY_RULE = { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', 7] }] } };
const HEALTH_RULE = { source: ['aws.health'], 'detail-type': ['AWS Health Event'], detail: { service: ['RISK'] } };
const CONFIG_RULE = { source: ['aws.config'], 'detail-type': ['Config Rules Compliance Change'] };

export function accountId(index: number): string {
  return String(Number(MANAGEMENT_ACCOUNT) + index).padStart(12, '0');
}

function regionSpec(accountId: string, region: string): RegionSpec {
  const ticket = { id: 'tickets', arn: `arn:aws:sns:${region}:${accountId}:tickets` };
  const rules = [
    { name: 'guardduty-to-tickets', pattern: GUARDDUTY_RULE, targets: [ticket] },
    { name: 'config-to-tickets', pattern: CONFIG_RULE, targets: [ticket] },
    ...(region === 'us-east-1' ? [{ name: 'health-risk-to-tickets', pattern: HEALTH_RULE, targets: [ticket] }] : []),
  ];
  return {
    optInStatus: 'opt-in-not-required',
    eventBridge: { rules },
    guardDuty: { status: 'ENABLED' },
    securityHub: { enabled: false },
    config: {
      recorders: [{ name: 'default', includeGlobalResourceTypes: region === 'us-east-1' }],
      deliveryChannels: [{ name: 'default', s3BucketName: `config-${accountId}` }],
      rules: [{ name: 'encrypted-volumes' }, { name: 'restricted-ssh' }],
    },
    acm: [{ domain: `${region}.${accountId}.bench.example`, notAfter: '+200d', inUseBy: [`arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/app/web/1`] }],
    ec2: {
      instances: [1, 2, 3].map((n) => ({ id: `i-0${accountId}${String(n).padStart(4, '0')}`, httpTokens: 'required' as const, imageId: 'ami-0bench000000000001' })),
      launchTemplates: [{ id: `lt-0${accountId}0001`, name: 'web', imageId: 'ami-0bench000000000001' }],
      images: [{ id: 'ami-0bench000000000001', imdsSupport: 'v2.0' }],
    },
  };
}

function account(index: number, regions: readonly string[], credentialReportMs: number): AccountSpec {
  const id = accountId(index);
  return {
    id,
    name: index === 0 ? 'management' : `workload-${index}`,
    supportPlan: 'business',
    // The management account's base credentials upload to it (`--upload`).
    ...(index === 0 ? { s3: { buckets: [{ name: BENCH_EVIDENCE_BUCKET }] } } : {}),
    iam: {
      users: [
        { name: 'engineer', console: true, keys: [{ created: '-20d' }] },
        { name: 'deploy-bot', keys: [{ created: '-3d' }], inlinePolicies: [{ name: 'ip-lock', document: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }] } }] },
      ],
      credentialReportMs,
    },
    regions: Object.fromEntries(regions.map((region) => [region, regionSpec(id, region)])),
  };
}

/** The bucket `npm run bench -- --upload` sends each run to. */
export const BENCH_EVIDENCE_BUCKET = 'bench-evidence';

export function syntheticOrganization(options: SyntheticOptions): Scenario {
  const regions = DEFAULT_REGIONS.slice(0, options.regions);
  return {
    managementAccountId: MANAGEMENT_ACCOUNT,
    externalId: EXTERNAL_ID,
    organization: { id: 'o-bench00001', healthOrganizationView: 'ENABLED', serviceAccess: ['health.amazonaws.com'] },
    accounts: Array.from({ length: options.accounts }, (_, i) => account(i, regions, options.credentialReportMs)),
    faults: { latencyMs: options.latencyMs, tokenBucket: options.tokenBucket },
  };
}
