import type * as SdkResiliencehub from '@aws-sdk/client-resiliencehub';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isoDate, isServiceAbsentFromRegion, olderClient } from '../sdk.js';
import { ASSESSMENTS_KEPT, appAssessments, type AppAssessmentsEvidence } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';
import { byCodeUnit } from '../../contract/order.js';

const { paginateListAppAssessments, ResiliencehubClient } = sdkModule<typeof SdkResiliencehub>('@aws-sdk/client-resiliencehub');
type ResiliencehubClient = SdkResiliencehub.ResiliencehubClient;

async function successful(client: ResiliencehubClient): Promise<AppAssessmentsEvidence> {
  // Without an app ARN the call lists the assessments of every application of the region.
  const pages = paginateListAppAssessments({ client }, { assessmentStatus: ['Success'], reverseOrder: true, maxResults: 100 });
  const summaries = await collectPages(pages, (page) => page.assessmentSummaries);
  const assessments = summaries
    .map((a) => ({
      arn: a.assessmentArn!,
      appArn: a.appArn,
      name: a.assessmentName,
      status: a.assessmentStatus!,
      complianceStatus: a.complianceStatus,
      invoker: a.invoker,
      resiliencyScore: a.resiliencyScore,
      endTime: isoDate(a.endTime),
    }))
    .sort((a, b) => byCodeUnit(b.endTime ?? '', a.endTime ?? ''));
  return { offered: true, assessments: assessments.slice(0, ASSESSMENTS_KEPT), successfulCount: assessments.length };
}

const collectAssessments = defineCollector(appAssessments, async (ctx) => {
  try {
    return await successful(olderClient(ctx.clients, ResiliencehubClient));
  } catch (err) {
    // No DNS name for resiliencehub.<region>.amazonaws.com: the service does not exist in this region.
    if (isServiceAbsentFromRegion(err)) return { offered: false, assessments: [], successfulCount: 0 };
    throw err;
  }
});

export const COLLECTORS = [collectAssessments];
