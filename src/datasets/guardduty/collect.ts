import type * as SdkGuardduty from '@aws-sdk/client-guardduty';
import type { DetectorFeatureConfigurationResult } from '@aws-sdk/client-guardduty';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { guardDutyDetectors, guardDutyRuntimeCoverage, runsRuntimeMonitoring } from './datasets.js';
import type { GuardDutyDetector, GuardDutyFeature } from './datasets.js';
import { collectPages, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  GetAdministratorAccountCommand,
  GetCoverageStatisticsCommand,
  GetDetectorCommand,
  GuardDutyClient,
  paginateListDetectors,
} = sdkModule<typeof SdkGuardduty>('@aws-sdk/client-guardduty');

function toFeature(feature: DetectorFeatureConfigurationResult): GuardDutyFeature {
  return {
    name: required(feature.Name, 'Feature.Name'),
    status: required(feature.Status, 'Feature.Status'),
    additional: (feature.AdditionalConfiguration ?? []).map((c) => ({ name: required(c.Name, 'AdditionalConfiguration.Name'), status: required(c.Status, 'AdditionalConfiguration.Status') })),
  };
}

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
    ...(detector.Features && { features: detector.Features.map(toFeature) }),
  };
}

const collectGuardDutyDetectors = defineCollector(guardDutyDetectors, async (ctx) => {
  const pages = paginateListDetectors({ client: ctx.clients.get(GuardDutyClient) }, {});
  const detectorIds = await collectPages(pages, (page) => page.DetectorIds);
  return { detectors: await Promise.all(detectorIds.map((id) => describeDetector(ctx, id))) };
});

const collectRuntimeCoverage = defineCollector(guardDutyRuntimeCoverage, async (ctx) => {
  const guardDuty = ctx.clients.get(GuardDutyClient);
  const running = (await ctx.dataset(guardDutyDetectors)).detectors.filter(runsRuntimeMonitoring);
  const coverage = await Promise.all(
    running.map(async ({ detectorId }) => {
      const { CoverageStatistics: stats } = await guardDuty.send(
        new GetCoverageStatisticsCommand({ DetectorId: detectorId, StatisticsType: ['COUNT_BY_COVERAGE_STATUS', 'COUNT_BY_RESOURCE_TYPE'] }),
      );
      return {
        detectorId,
        healthy: stats?.CountByCoverageStatus?.HEALTHY ?? 0,
        unhealthy: stats?.CountByCoverageStatus?.UNHEALTHY ?? 0,
        byResourceType: Object.fromEntries(Object.entries(stats?.CountByResourceType ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number')),
      };
    }),
  );
  return { coverage };
});

export const COLLECTORS = [collectGuardDutyDetectors, collectRuntimeCoverage];
