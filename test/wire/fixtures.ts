// A small multi-account organization for the wire tests: one of everything the collectors read,
// plus an account whose role refuses us, a suspended one, and a region that is not enabled.

import type { AccountSpec, RegionSpec, Scenario } from '../fake-aws/index.js';
import { withNetworkArea } from './fixtures-network.js';
import { withIdentity } from './fixtures-identity.js';
import { landingZoneAccounts, LANDING_ZONE_SCPS, ownFindingsOnlyRule } from './landing-zone-fixtures.js';

export const MGMT = '111111111111';
export const PROD = '222222222222';
export const DENIED = '333333333333';
export const SUSPENDED = '444444444444';
export const EXTERNAL_ID = 'wire-test-external-id';

const HEALTH_RISK_RULE = {
  name: 'health-risk-to-tickets',
  pattern: { source: ['aws.health'], 'detail-type': ['AWS Health Event'], detail: { service: ['RISK'] } },
  targets: [{ id: 'tickets', arn: 'arn:aws:sns:us-east-1:111111111111:tickets' }],
};

const legacyCertificate = (accountId: string) => `arn:aws:iam::${accountId}:server-certificate/legacy-elb`;

function workloadRegion(accountId: string | undefined): RegionSpec {
  if (!accountId) return { optInStatus: 'opt-in-not-required' };
  return {
    optInStatus: 'opt-in-not-required',
    guardDuty: { status: 'ENABLED' },
    securityHub: { enabled: true },
    config: {
      recorders: [{ name: 'default', recording: true, lastStatus: 'Success' }],
      deliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket', snsTopicArn: 'arn:aws:sns:eu-west-1:222222222222:config' }],
      rules: [{ name: 's3-versioning' }, { name: 'ebs-encrypted', state: 'ACTIVE' }],
      conformancePacks: [{ name: 'operational-best-practices' }],
    },
    acm: [
      { domain: 'rsa.example.com', notAfter: '+200d', inUseBy: ['arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/x/1'] },
      { domain: 'ecdsa.example.com', keyAlgorithm: 'EC_prime256v1', notAfter: '+100d' },
      { domain: 'imported.example.com', type: 'IMPORTED', notAfter: '+10d', inUseBy: ['arn:aws:cloudfront::222222222222:distribution/E1'] },
      // Listed only when ListCertificates asks for the ACME key-pair origin.
      { domain: 'agent.acme-client.example.com', keyAlgorithm: 'EC_prime256v1', keyPairOrigin: 'ACME', notAfter: '+60d' },
    ],
    elbv2: [
      {
        name: 'web',
        listeners: [
          { protocol: 'HTTPS', port: 443, certificates: [`arn:aws:acm:eu-west-1:${accountId}:certificate/web`, legacyCertificate(accountId)] },
          { protocol: 'HTTP', port: 80, defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS' }] },
        ],
      },
      { name: 'ingest', type: 'network', scheme: 'internal', zones: ['a'], listeners: [{ protocol: 'TLS', port: 443, certificates: [`arn:aws:acm:eu-west-1:${accountId}:certificate/ingest`] }] },
    ],
    elb: [{ name: 'legacy', listeners: [{ protocol: 'HTTPS', port: 443, sslCertificateId: legacyCertificate(accountId) }] }],
    ec2: {
      instances: Array.from({ length: 12 }, (_, i) => ({
        id: `i-0${String(i).padStart(16, '0')}`,
        httpTokens: i % 3 === 0 ? ('optional' as const) : ('required' as const),
        state: i === 11 ? ('terminated' as const) : ('running' as const),
        imageId: 'ami-0aaaaaaaaaaaaaaaa',
      })),
      launchTemplates: [
        { id: 'lt-0aaaaaaaaaaaaaaaa', name: 'web', imageId: 'ami-0aaaaaaaaaaaaaaaa', httpTokens: 'optional' },
        { id: 'lt-0bbbbbbbbbbbbbbbb', name: 'worker', imageId: 'ami-0bbbbbbbbbbbbbbbb' },
      ],
      images: [{ id: 'ami-0aaaaaaaaaaaaaaaa', imdsSupport: 'v2.0' }],
      imdsDefaults: { httpTokens: 'required', hopLimit: 2 },
    },
  };
}

function account(id: string, name: string, extra: Partial<AccountSpec> = {}): AccountSpec {
  return {
    id,
    name,
    supportPlan: 'business',
    alternateContacts: {
      BILLING: { name: 'Finance', email: 'billing@example.com' },
      SECURITY: { name: 'Security team', email: 'security@example.com' },
    },
    regions: {
      'us-east-1': { ...workloadRegion(undefined), eventBridge: { rules: [HEALTH_RISK_RULE] } },
      'eu-west-1': workloadRegion(id),
      'ap-east-1': { optInStatus: 'not-opted-in' },
    },
    ...extra,
  };
}

export function wireScenario(): Scenario {
  let scenario: Scenario = {
    managementAccountId: MGMT,
    externalId: EXTERNAL_ID,
    organization: {
      id: 'o-wiretest01',
      healthOrganizationView: 'ENABLED',
      serviceAccess: ['health.amazonaws.com', 'config.amazonaws.com'],
      delegatedAdministrators: [{ accountId: PROD, servicePrincipal: 'guardduty.amazonaws.com' }],
      pageSize: 2,
      emptyFirstPage: true,
    },
    accounts: [
      // A Basic-plan management account: its Health organizational-view status API cannot answer.
      account(MGMT, 'management', {
        supportPlan: 'basic',
        iam: {
          root: { keys: [{ created: '-400d', lastUsed: '-3d' }] },
          users: [
            { name: 'alice', console: true, keys: [{ created: '-20d' }] },
            { name: 'ci-deployer', keys: [{ created: '-90d' }, { created: '-2d', status: 'Inactive' }], groups: ['deployers'], attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
            { name: 'backup-bot', keys: [{ created: '-3d' }], inlinePolicies: [{ name: 'ip-lock', document: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }] } }] },
          ],
          groups: [{ name: 'deployers', attachedPolicies: ['deploy-policy'] }],
          policies: [{ name: 'deploy-policy', document: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }],
          serverCertificates: [{ name: 'legacy-elb', expiration: '+15d' }],
        },
        cloudFront: { distributions: [{ id: 'E1LEGACY', aliases: ['legacy.example.com'], iamCertificateId: 'ASCALEGACY-ELB', behaviors: [{ pathPattern: '/api/*', viewerProtocolPolicy: 'https-only' }] }] },
        health: { events: [{ eventTypeCode: 'AWS_RISK_CREDENTIALS_EXPOSED', start: '-2d' }, { eventTypeCode: 'AWS_RISK_IAM_QUARANTINE', start: '-40d', statusCode: 'closed' }] },
      }),
      prodAccount(),
      account(DENIED, 'legacy', { assumeRole: 'denied' }),
      account(SUSPENDED, 'closed-sandbox', { status: 'SUSPENDED' }),
      ...landingZoneAccounts(PROD),
    ],
    faults: { regionDeny: LANDING_ZONE_SCPS },
  };
  scenario = withIdentity(scenario);
  scenario = withNetworkArea(scenario);
  return scenario;
}

/** The GuardDuty delegated administrator, whose eu-west-1 rule routes only its own findings. */
function prodAccount(): AccountSpec {
  const prod = account(PROD, 'prod-eu', {
    tags: { Environment: 'production' },
    supportPlan: 'basic',
    // The same AWS-managed policy as ci-deployer's: its document is fetched once for the scan.
    iam: { users: [{ name: 'etl', keys: [{ created: '-1d' }], attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }] },
  });
  const euWest = prod.regions['eu-west-1']!;
  return { ...prod, regions: { ...prod.regions, 'eu-west-1': { ...euWest, eventBridge: { rules: [ownFindingsOnlyRule(PROD)] } } } };
}
