import type * as SdkWellarchitected from '@aws-sdk/client-wellarchitected';
import type { WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { defineCollector } from '../../contract/collector.js';
import { wellArchitectedWorkloads, type WellArchitectedWorkload } from './datasets.js';
import { collectPages, isServiceAbsentFromRegion, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  paginateListMilestones,
  paginateListWorkloads,
  WellArchitectedClient,
} = sdkModule<typeof SdkWellarchitected>('@aws-sdk/client-wellarchitected');
type WellArchitectedClient = SdkWellarchitected.WellArchitectedClient;

async function toWorkload(client: WellArchitectedClient, summary: WorkloadSummary): Promise<WellArchitectedWorkload> {
  const id = required(summary.WorkloadId, 'WorkloadSummary.WorkloadId');
  const milestones = await collectPages(paginateListMilestones({ client }, { WorkloadId: id }), (page) => page.MilestoneSummaries);
  const recorded = milestones.map((m) => isoDate(m.RecordedAt)).filter((d): d is string => d !== undefined).sort();
  return {
    id,
    name: required(summary.WorkloadName, 'WorkloadSummary.WorkloadName'),
    arn: required(summary.WorkloadArn, 'WorkloadSummary.WorkloadArn'),
    updatedAt: isoDate(summary.UpdatedAt),
    ...(recorded.length > 0 && { lastMilestoneAt: recorded[recorded.length - 1] }),
    riskCounts: Object.fromEntries(Object.entries(summary.RiskCounts ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number')),
  };
}

const collectWorkloads = defineCollector(wellArchitectedWorkloads, async (ctx) => {
  const client = ctx.clients.get(WellArchitectedClient);
  try {
    const summaries = await collectPages(paginateListWorkloads({ client }, {}), (page) => page.WorkloadSummaries);
    return { available: true, workloads: await Promise.all(summaries.map((s) => toWorkload(client, s))) };
  } catch (err) {
    if (isServiceAbsentFromRegion(err)) return { available: false, workloads: [] };
    throw err;
  }
});

export const COLLECTORS = [collectWorkloads];
