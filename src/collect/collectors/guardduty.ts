import { GetAdministratorAccountCommand, GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { defineCollector, type CollectContext } from '../collector.js';
import type { GuardDutyDetector, GuardDutyEvidence } from '../evidence.js';
import { collectPages, required } from './sdk.js';

async function describeDetector(ctx: CollectContext, detectorId: string): Promise<GuardDutyDetector> {
  const guardDuty = ctx.clients.get(GuardDutyClient);
  const [detector, admin] = await Promise.all([
    guardDuty.send(new GetDetectorCommand({ DetectorId: detectorId })),
    guardDuty.send(new GetAdministratorAccountCommand({ DetectorId: detectorId })),
  ]);
  const administrator = admin.Administrator;
  return {
    detectorId,
    arn: `arn:aws:guardduty:${ctx.region}:${ctx.accountId}:detector/${detectorId}`,
    status: required(detector.Status, 'GetDetector.Status'),
    administrator: administrator && {
      accountId: required(administrator.AccountId, 'Administrator.AccountId'),
      relationshipStatus: required(administrator.RelationshipStatus, 'Administrator.RelationshipStatus'),
    },
  };
}

export const guardDutyDetectors = defineCollector<GuardDutyEvidence>({
  id: 'guardduty.detectors',
  scope: 'regional',
  actions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetAdministratorAccount'],
  collect: async (ctx) => {
    const pages = paginateListDetectors({ client: ctx.clients.get(GuardDutyClient) }, {});
    const detectorIds = await collectPages(pages, (page) => page.DetectorIds);
    return { detectors: await Promise.all(detectorIds.map((id) => describeDetector(ctx, id))) };
  },
});
