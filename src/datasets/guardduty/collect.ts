import { GetAdministratorAccountCommand, GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { guardDutyDetectors } from './datasets.js';
import type { GuardDutyDetector } from './datasets.js';
import { collectPages, required } from '../sdk.js';

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

const collectGuardDutyDetectors = defineCollector(guardDutyDetectors, async (ctx) => {
  const pages = paginateListDetectors({ client: ctx.clients.get(GuardDutyClient) }, {});
  const detectorIds = await collectPages(pages, (page) => page.DetectorIds);
  return { detectors: await Promise.all(detectorIds.map((id) => describeDetector(ctx, id))) };
});

export const COLLECTORS = [collectGuardDutyDetectors];
