import {
  AccessDeniedException,
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
} from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { guardDutyDetectors } from '../../src/datasets/guardduty/datasets.js';
import { ACCOUNT_ID, collect, REGION, testContext } from './context.js';

const guardDuty = mockClient(GuardDutyClient);

describe('guardduty.detectors', () => {
  beforeEach(() => guardDuty.reset());

  it('describes every detector with its status and administrator', async () => {
    guardDuty
      .on(ListDetectorsCommand)
      .resolvesOnce({ DetectorIds: ['det-a'], NextToken: 'n' })
      .resolvesOnce({ DetectorIds: ['det-b'] });
    guardDuty.on(GetDetectorCommand, { DetectorId: 'det-a' }).resolves({ Status: 'ENABLED', ServiceRole: 'r' });
    guardDuty.on(GetDetectorCommand, { DetectorId: 'det-b' }).resolves({ Status: 'DISABLED', ServiceRole: 'r' });
    guardDuty.on(GetAdministratorAccountCommand, { DetectorId: 'det-a' }).resolves({
      Administrator: { AccountId: '999988887777', RelationshipStatus: 'Enabled', InvitationId: 'i', InvitedAt: 'now' },
    });
    guardDuty.on(GetAdministratorAccountCommand, { DetectorId: 'det-b' }).resolves({});

    expect(await collect(guardDutyDetectors, testContext())).toEqual({
      detectors: [
        {
          detectorId: 'det-a',
          arn: `arn:aws:guardduty:${REGION}:${ACCOUNT_ID}:detector/det-a`,
          status: 'ENABLED',
          administrator: { accountId: '999988887777', relationshipStatus: 'Enabled' },
        },
        { detectorId: 'det-b', arn: `arn:aws:guardduty:${REGION}:${ACCOUNT_ID}:detector/det-b`, status: 'DISABLED' },
      ],
    });
  });

  it('returns no detectors when GuardDuty was never enabled in the region', async () => {
    guardDuty.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    expect(await collect(guardDutyDetectors, testContext())).toEqual({ detectors: [] });
  });

  it('lets AccessDenied propagate', async () => {
    guardDuty.on(ListDetectorsCommand).resolves({ DetectorIds: ['det-a'] });
    guardDuty.on(GetDetectorCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    guardDuty.on(GetAdministratorAccountCommand).resolves({});
    await expect(collect(guardDutyDetectors, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
