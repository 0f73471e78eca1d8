// awsJson 1.1 (Support, Config, ACM, EventBridge, Health, Organizations) and restJson
// (GuardDuty, Security Hub) through the real SDK clients.

import { ACMClient, DescribeCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConformancePacksCommand,
  DescribeConformancePackStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { EventBridgeClient, ListEventBusesCommand, ListRulesCommand, ListTargetsByRuleCommand, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { GetAdministratorAccountCommand as GetGuardDutyAdmin, GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { DescribeEventsCommand, DescribeHealthServiceStatusForOrganizationCommand, HealthClient } from '@aws-sdk/client-health';
import {
  DescribeOrganizationCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { DescribeHubCommand, GetAdministratorAccountCommand as GetHubAdmin, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { describe, expect, it } from 'vitest';
import { ownIdentity, ROUTING_SAMPLES, sampleEvent } from '../../src/datasets/eventbridge/samples/index.js';
import { MGMT, PROD, SUSPENDED, wireScenario } from './fixtures.js';
import { assumeInto, sdkConfig, useFakeAws } from './harness.js';
import { EU_ONLY, GD_MEMBER, LANDING_ZONE } from './landing-zone-fixtures.js';

const fake = useFakeAws(() => {
  const scenario = wireScenario();
  // These protocol tests read the paid-plan APIs with the base credentials.
  scenario.accounts[0]!.supportPlan = 'business';
  scenario.accounts[1]!.regions['eu-west-1']!.guardDuty = { status: 'ENABLED', administrator: { accountId: MGMT } };
  scenario.accounts[1]!.regions['eu-west-1']!.securityHub = { enabled: true, administrator: { accountId: MGMT } };
  scenario.accounts[1]!.regions['us-east-1']!.securityHub = { enabled: false };
  scenario.faults = {
    ...scenario.faults,
    throttle: [
      { action: 'config:DescribeConfigRules', count: 2 },
      { action: 'guardduty:GetDetector', count: 2 },
      { action: 'organizations:ListTagsForResource', count: 1 },
    ],
    deny: [
      { action: 'acm:ListCertificates', accountId: PROD, region: 'eu-west-1', by: 'scp' },
      { action: 'config:DescribeDeliveryChannels', accountId: PROD },
    ],
  };
  return scenario;
});

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; requestId?: string } }> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail');
}

describe('Support and Health (awsJson 1.1)', () => {
  it('lists severity levels on a Business plan', async () => {
    const out = await new SupportClient(sdkConfig('us-east-1')).send(new DescribeSeverityLevelsCommand({}));
    expect(out.severityLevels!.map((l) => l.code)).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(out.$metadata.requestId).toBeTruthy();
  });

  it('answers SubscriptionRequiredException on a Basic plan, for Support and Health alike', async () => {
    const creds = await assumeInto(PROD);
    const support = await rejection(new SupportClient(sdkConfig('us-east-1', creds)).send(new DescribeSeverityLevelsCommand({})));
    expect(support.name).toBe('SubscriptionRequiredException');
    const health = await rejection(new HealthClient(sdkConfig('us-east-1', creds)).send(new DescribeEventsCommand({})));
    expect(health.name).toBe('SubscriptionRequiredException');
  });

  it('filters Health events and reports the organizational view', async () => {
    const client = new HealthClient(sdkConfig('us-east-1'));
    const open = await client.send(new DescribeEventsCommand({ filter: { services: ['RISK'], eventStatusCodes: ['open'] } }));
    expect(open.events!.map((e) => e.eventTypeCode)).toEqual(['AWS_RISK_CREDENTIALS_EXPOSED']);
    expect(open.events![0]!.startTime).toBeInstanceOf(Date);
    const view = await client.send(new DescribeHealthServiceStatusForOrganizationCommand({}));
    expect(view.healthServiceAccessStatusForOrganization).toBe('ENABLED');
  });
});

describe('Organizations (awsJson 1.1)', () => {
  const orgs = () => new OrganizationsClient(sdkConfig('us-east-1'));

  it('pages ListAccounts through an empty first page that carries a NextToken', async () => {
    const pages = [];
    for await (const page of paginateListAccounts({ client: orgs() }, {})) pages.push(page);
    expect(pages[0]!.Accounts).toEqual([]);
    expect(pages.length).toBe(5);
    const accounts = pages.flatMap((p) => p.Accounts ?? []);
    expect(accounts.map((a) => a.Id)).toEqual([MGMT, PROD, '333333333333', SUSPENDED, LANDING_ZONE, EU_ONLY, GD_MEMBER]);
    expect(accounts.find((a) => a.Id === SUSPENDED)?.Status).toBe('SUSPENDED');
  });

  it('retries TooManyRequestsException, then lists tags', async () => {
    const out = await orgs().send(new ListTagsForResourceCommand({ ResourceId: PROD }));
    expect(out.$metadata.attempts).toBe(2);
    expect(out.Tags).toEqual([{ Key: 'Environment', Value: 'production' }]);
  });

  it('describes the organization, trusted access and delegated administrators', async () => {
    const org = await orgs().send(new DescribeOrganizationCommand({}));
    expect(org.Organization).toMatchObject({ Id: 'o-wiretest01', MasterAccountId: MGMT });
    const access = await orgs().send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(access.EnabledServicePrincipals!.map((p) => p.ServicePrincipal)).toContain('health.amazonaws.com');
    const admins = await orgs().send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }));
    expect(admins.DelegatedAdministrators!.map((a) => a.Id)).toEqual([PROD]);
  });

  it('refuses management-only calls from a member account with AccessDeniedException', async () => {
    const member = new OrganizationsClient(sdkConfig('us-east-1', await assumeInto(PROD)));
    expect((await rejection(member.send(new ListAWSServiceAccessForOrganizationCommand({})))).name).toBe('AccessDeniedException');
    expect((await member.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId).toBe(MGMT);
  });
});

describe('Config (awsJson 1.1)', () => {
  it('describes recorders, status, delivery channels, rules and packs', async () => {
    const client = new ConfigServiceClient(sdkConfig('eu-west-1'));
    const recorders = await client.send(new DescribeConfigurationRecordersCommand({}));
    expect(recorders.ConfigurationRecorders![0]).toMatchObject({ name: 'default', recordingGroup: { allSupported: true } });
    const status = await client.send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(status.ConfigurationRecordersStatus![0]).toMatchObject({ recording: true, lastStatus: 'Success' });
    const channels = await client.send(new DescribeDeliveryChannelsCommand({}));
    expect(channels.DeliveryChannels![0]!.snsTopicARN).toMatch(/^arn:aws:sns:/);
    const rules = await client.send(new DescribeConfigRulesCommand({}));
    expect(rules.$metadata.attempts).toBe(3);
    expect(rules.ConfigRules!.map((r) => r.ConfigRuleState)).toEqual(['ACTIVE', 'ACTIVE']);
    const packs = await client.send(new DescribeConformancePacksCommand({}));
    expect(packs.ConformancePackDetails![0]!.ConformancePackName).toBe('operational-best-practices');
    const packStatus = await client.send(new DescribeConformancePackStatusCommand({}));
    expect(packStatus.ConformancePackStatusDetails![0]!.ConformancePackState).toBe('CREATE_COMPLETE');
  });

  it('answers AccessDeniedException for a denied action, and UnrecognizedClientException in a disabled region', async () => {
    const creds = await assumeInto(PROD);
    const denied = await rejection(new ConfigServiceClient(sdkConfig('eu-west-1', creds)).send(new DescribeDeliveryChannelsCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('config:DescribeDeliveryChannels');
    const disabled = await rejection(new ConfigServiceClient(sdkConfig('ap-east-1', creds)).send(new DescribeConfigRulesCommand({})));
    expect(disabled.name).toBe('UnrecognizedClientException');
  });
});

describe('ACM (awsJson 1.1)', () => {
  it('lists RSA_2048 only by default, every key type when asked, and describes each', async () => {
    const client = new ACMClient(sdkConfig('eu-west-1'));
    const rsaOnly = await client.send(new ListCertificatesCommand({}));
    expect(rsaOnly.CertificateSummaryList!.map((c) => c.DomainName)).toEqual(['rsa.example.com', 'imported.example.com']);
    const all = await client.send(new ListCertificatesCommand({ Includes: { keyTypes: ['RSA_2048', 'EC_prime256v1'] } }));
    expect(all.CertificateSummaryList).toHaveLength(3);
    const ecdsa = all.CertificateSummaryList!.find((c) => c.DomainName === 'ecdsa.example.com')!;
    const detail = await client.send(new DescribeCertificateCommand({ CertificateArn: ecdsa.CertificateArn }));
    expect(detail.Certificate).toMatchObject({ Type: 'AMAZON_ISSUED', Status: 'ISSUED', RenewalEligibility: 'ELIGIBLE' });
    expect(detail.Certificate!.DomainValidationOptions![0]).toMatchObject({ ValidationMethod: 'DNS' });
    expect(detail.Certificate!.NotAfter).toBeInstanceOf(Date);
    const imported = all.CertificateSummaryList!.find((c) => c.DomainName === 'imported.example.com')!;
    const importedDetail = await client.send(new DescribeCertificateCommand({ CertificateArn: imported.CertificateArn }));
    expect(importedDetail.Certificate).toMatchObject({ Type: 'IMPORTED', RenewalEligibility: 'INELIGIBLE', InUseBy: ['arn:aws:cloudfront::222222222222:distribution/E1'] });
  });

  it('leaves ACME certificates out unless CertificateKeyPairOrigins asks for them', async () => {
    const client = new ACMClient(sdkConfig('eu-west-1'));
    const keyTypes = ['RSA_2048' as const, 'EC_prime256v1' as const];
    const byDefault = await client.send(new ListCertificatesCommand({ Includes: { keyTypes } }));
    expect(byDefault.CertificateSummaryList!.map((c) => c.CertificateKeyPairOrigin)).not.toContain('ACME');
    const asked = await client.send(new ListCertificatesCommand({ Includes: { keyTypes }, CertificateKeyPairOrigins: ['ACME', 'AWS_MANAGED', 'CUSTOMER_PROVIDED'] }));
    const acme = asked.CertificateSummaryList!.filter((c) => c.CertificateKeyPairOrigin === 'ACME');
    expect(acme.map((c) => c.DomainName)).toEqual(['agent.acme-client.example.com']);
    const detail = await client.send(new DescribeCertificateCommand({ CertificateArn: acme[0]!.CertificateArn }));
    expect(detail.Certificate).toMatchObject({ CertificateKeyPairOrigin: 'ACME', RenewalEligibility: 'INELIGIBLE', InUseBy: [] });
  });

  it('surfaces an SCP explicit deny as AccessDeniedException naming the policy type', async () => {
    const client = new ACMClient(sdkConfig('eu-west-1', await assumeInto(PROD)));
    const err = await rejection(client.send(new ListCertificatesCommand({})));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain('with an explicit deny in a service control policy');
  });
});

describe('EventBridge (awsJson 1.1)', () => {
  it('lists buses, rules of the default bus and their targets', async () => {
    const client = new EventBridgeClient(sdkConfig('us-east-1'));
    const buses = await client.send(new ListEventBusesCommand({}));
    expect(buses.EventBuses!.map((b) => b.Name)).toEqual(['default']);
    const rules = await client.send(new ListRulesCommand({}));
    expect(rules.Rules![0]).toMatchObject({ Name: 'health-risk-to-tickets', State: 'ENABLED', EventBusName: 'default' });
    const targets = await client.send(new ListTargetsByRuleCommand({ Rule: 'health-risk-to-tickets' }));
    expect(targets.Targets).toEqual([{ Id: 'tickets', Arn: 'arn:aws:sns:us-east-1:111111111111:tickets' }]);
  });

  it('judges the routing samples with TestEventPattern', async () => {
    const client = new EventBridgeClient(sdkConfig('us-east-1'));
    const pattern = (await client.send(new ListRulesCommand({}))).Rules![0]!.EventPattern!;
    const verdicts = Object.fromEntries(
      await Promise.all(
        ROUTING_SAMPLES.map(async (s) => [s.id, (await client.send(new TestEventPatternCommand({ EventPattern: pattern, Event: sampleEvent(s, ownIdentity(MGMT, 'us-east-1')) }))).Result]),
      ),
    );
    expect(verdicts['health:AWS_RISK_CREDENTIALS_EXPOSED']).toBe(true);
    expect(verdicts['health:AWS_RISK_IAM_QUARANTINE']).toBe(true);
    expect(verdicts['guardduty:credential-exfiltration']).toBe(false);
    const bad = await rejection(client.send(new TestEventPatternCommand({ EventPattern: '{"source":"aws.health"}', Event: sampleEvent(ROUTING_SAMPLES[0]!, ownIdentity(MGMT, 'us-east-1')) })));
    expect(bad.name).toBe('InvalidEventPatternException');
  });
});

describe('GuardDuty and Security Hub (restJson 1)', () => {
  it('lists detectors, retries 429 to success, and reads the administrator', async () => {
    const client = new GuardDutyClient(sdkConfig('eu-west-1', await assumeInto(PROD)));
    const ids: string[] = [];
    for await (const page of paginateListDetectors({ client }, {})) ids.push(...(page.DetectorIds ?? []));
    expect(ids).toHaveLength(1);
    const before = fake().stats().errors.TooManyRequestsException ?? 0;
    const detector = await client.send(new GetDetectorCommand({ DetectorId: ids[0] }));
    expect(detector.$metadata.attempts).toBe(3);
    expect(fake().stats().errors.TooManyRequestsException! - before).toBe(2);
    expect(detector.Status).toBe('ENABLED');
    const admin = await client.send(new GetGuardDutyAdmin({ DetectorId: ids[0] }));
    expect(admin.Administrator).toMatchObject({ AccountId: MGMT, RelationshipStatus: 'Enabled' });
  });

  it('answers no detector in a region without GuardDuty, and BadRequestException for a foreign detector', async () => {
    const client = new GuardDutyClient(sdkConfig('us-east-1', await assumeInto(PROD)));
    const ids: string[] = [];
    for await (const page of paginateListDetectors({ client }, {})) ids.push(...(page.DetectorIds ?? []));
    expect(ids).toEqual([]);
    expect((await rejection(client.send(new GetDetectorCommand({ DetectorId: 'abc' })))).name).toBe('BadRequestException');
  });

  it('describes an enabled hub and its administrator; InvalidAccessException where it is off', async () => {
    const creds = await assumeInto(PROD);
    const hub = new SecurityHubClient(sdkConfig('eu-west-1', creds));
    expect((await hub.send(new DescribeHubCommand({}))).HubArn).toBe(`arn:aws:securityhub:eu-west-1:${PROD}:hub/default`);
    expect((await hub.send(new GetHubAdmin({}))).Administrator).toMatchObject({ AccountId: MGMT, MemberStatus: 'Enabled' });
    const off = await rejection(new SecurityHubClient(sdkConfig('us-east-1', creds)).send(new DescribeHubCommand({})));
    expect(off.name).toBe('InvalidAccessException');
    expect(off.$metadata?.httpStatusCode).toBe(401);
  });
});
