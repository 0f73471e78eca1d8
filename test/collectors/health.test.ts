import {
  DescribeEventsCommand,
  DescribeHealthServiceStatusForOrganizationCommand,
  HealthClient,
} from '@aws-sdk/client-health';
import {
  AccessDeniedException,
  AWSOrganizationsNotInUseException,
  DescribeOrganizationCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { healthOrganization, healthRiskEvents } from '../../src/datasets/health/datasets.js';
import { awsError, collect, testContext } from './context.js';

const health = mockClient(HealthClient);
const organizations = mockClient(OrganizationsClient);

beforeEach(() => {
  health.reset();
  organizations.reset();
});

describe('health.riskEvents', () => {
  it('asks for open RISK events in us-east-1 and follows pages', async () => {
    health
      .on(DescribeEventsCommand)
      .resolvesOnce({
        events: [
          {
            arn: 'arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/1',
            eventTypeCode: 'AWS_RISK_CREDENTIALS_EXPOSED',
            service: 'RISK',
            statusCode: 'open',
            region: 'global',
            startTime: new Date('2026-11-01T08:00:00Z'),
          },
        ],
        nextToken: 'page-2',
      })
      .resolvesOnce({
        events: [{ arn: 'arn:aws:health:global::event/RISK/AWS_RISK_IAM_QUARANTINE/2', eventTypeCode: 'AWS_RISK_IAM_QUARANTINE', service: 'RISK', statusCode: 'open' }],
      });

    const evidence = await collect(healthRiskEvents, testContext('us-east-1'));

    expect(healthRiskEvents.homeRegion).toBe('us-east-1');
    expect(evidence.subscribed).toBe(true);
    expect(evidence.openEvents).toEqual([
      {
        arn: 'arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/1',
        eventTypeCode: 'AWS_RISK_CREDENTIALS_EXPOSED',
        service: 'RISK',
        statusCode: 'open',
        region: 'global',
        startTime: '2026-11-01T08:00:00.000Z',
      },
      { arn: 'arn:aws:health:global::event/RISK/AWS_RISK_IAM_QUARANTINE/2', eventTypeCode: 'AWS_RISK_IAM_QUARANTINE', service: 'RISK', statusCode: 'open' },
    ]);
    const calls = health.commandCalls(DescribeEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input.filter).toEqual({ services: ['RISK'], eventStatusCodes: ['open'] });
  });

  it('turns SubscriptionRequiredException into subscribed=false', async () => {
    health.on(DescribeEventsCommand).rejects(awsError('SubscriptionRequiredException'));
    expect(await collect(healthRiskEvents, testContext('us-east-1'))).toEqual({ subscribed: false, openEvents: [] });
  });

  it('lets AccessDenied propagate', async () => {
    health.on(DescribeEventsCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(healthRiskEvents, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('health.organization', () => {
  const denied = () => new AccessDeniedException({ message: 'You are not authorized', $metadata: {} });
  const notInUse = () => new AWSOrganizationsNotInUseException({ message: 'not in use', $metadata: {} });

  it('combines the four calls from the management account', async () => {
    health.on(DescribeHealthServiceStatusForOrganizationCommand).resolves({ healthServiceAccessStatusForOrganization: 'ENABLED' });
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-1', MasterAccountId: '999988887777' } });
    organizations
      .on(ListAWSServiceAccessForOrganizationCommand)
      .resolvesOnce({ EnabledServicePrincipals: [{ ServicePrincipal: 'config.amazonaws.com' }], NextToken: 't' })
      .resolvesOnce({ EnabledServicePrincipals: [{ ServicePrincipal: 'health.amazonaws.com' }] });
    organizations.on(ListDelegatedAdministratorsCommand).resolves({ DelegatedAdministrators: [{ Id: '555566667777' }] });

    expect(await collect(healthOrganization, testContext('us-east-1'))).toEqual({
      healthOrganizationView: 'ENABLED',
      managementAccountId: '999988887777',
      healthServiceAccessEnabled: true,
      delegatedAdministrators: ['555566667777'],
      callErrors: [],
    });
    expect(organizations.commandCalls(ListDelegatedAdministratorsCommand)[0]!.args[0].input).toEqual({
      ServicePrincipal: 'health.amazonaws.com',
    });
  });

  it('records a failed call and keeps the others', async () => {
    health.on(DescribeHealthServiceStatusForOrganizationCommand).rejects(awsError('AccessDeniedException', 'not allowed'));
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-1', MasterAccountId: '999988887777' } });
    organizations.on(ListAWSServiceAccessForOrganizationCommand).rejects(denied());
    organizations.on(ListDelegatedAdministratorsCommand).resolves({ DelegatedAdministrators: [] });

    const evidence = await collect(healthOrganization, testContext('us-east-1'));

    expect(evidence.healthOrganizationView).toBeUndefined();
    expect(evidence.healthServiceAccessEnabled).toBeUndefined();
    expect(evidence.managementAccountId).toBe('999988887777');
    expect(evidence.delegatedAdministrators).toEqual([]);
    expect(evidence.callErrors).toEqual([
      { action: 'health:DescribeHealthServiceStatusForOrganization', code: 'AccessDeniedException', message: 'not allowed' },
      { action: 'organizations:ListAWSServiceAccessForOrganization', code: 'AccessDeniedException', message: 'You are not authorized' },
    ]);
  });

  it('treats "no organization" as an answer, not a failure', async () => {
    health.on(DescribeHealthServiceStatusForOrganizationCommand).rejects(awsError('AccessDeniedException'));
    organizations.on(DescribeOrganizationCommand).rejects(notInUse());
    organizations.on(ListAWSServiceAccessForOrganizationCommand).rejects(notInUse());
    organizations.on(ListDelegatedAdministratorsCommand).rejects(notInUse());

    const evidence = await collect(healthOrganization, testContext('us-east-1'));

    expect(evidence).toEqual({
      healthServiceAccessEnabled: false,
      delegatedAdministrators: [],
      callErrors: [{ action: 'health:DescribeHealthServiceStatusForOrganization', code: 'AccessDeniedException', message: 'AccessDeniedException' }],
    });
  });

  it('fails the dataset when every call fails', async () => {
    health.on(DescribeHealthServiceStatusForOrganizationCommand).rejects(awsError('AccessDeniedException'));
    organizations.on(DescribeOrganizationCommand).rejects(denied());
    organizations.on(ListAWSServiceAccessForOrganizationCommand).rejects(denied());
    organizations.on(ListDelegatedAdministratorsCommand).rejects(denied());

    await expect(collect(healthOrganization, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
