// AWS Well-Architected Tool (restJson 1): the region's workloads and their milestones.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface WorkloadSpec {
  name: string;
  updated: When;
  milestones?: When[];
  highRisks?: number;
}

declare module '../scenario.js' {
  interface RegionSpec {
    wellArchitected?: WorkloadSpec[];
  }
}

function workloadId(spec: WorkloadSpec): string {
  return stableId(spec.name, 32);
}

function listWorkloads(ctx: HandlerContext): unknown {
  const workloads = (ctx.regionSpec.wellArchitected ?? []).map((w) => ({
    WorkloadId: workloadId(w),
    WorkloadArn: `arn:aws:wellarchitected:${ctx.region}:${ctx.account.id}:workload/${workloadId(w)}`,
    WorkloadName: w.name,
    Owner: ctx.account.id,
    UpdatedAt: resolveWhen(w.updated, ctx.now).getTime() / 1000,
    RiskCounts: { HIGH: w.highRisks ?? 0, MEDIUM: 0, NONE: 10, UNANSWERED: 0 },
  }));
  const page = paginate(workloads, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 50, 'ValidationException');
  return { WorkloadSummaries: page.items, NextToken: page.nextToken };
}

function listMilestones(ctx: HandlerContext): unknown {
  const workload = (ctx.regionSpec.wellArchitected ?? []).find((w) => workloadId(w) === ctx.input.pathParams.WorkloadId);
  if (!workload) throw new FakeAwsError('ResourceNotFoundException', 404, 'No workload found');
  const milestones = (workload.milestones ?? []).map((when, i) => ({ MilestoneNumber: i + 1, MilestoneName: `review-${i + 1}`, RecordedAt: resolveWhen(when, ctx.now).getTime() / 1000 }));
  const page = paginate(milestones, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 50, 'ValidationException');
  return { WorkloadId: workloadId(workload), MilestoneSummaries: page.items, NextToken: page.nextToken };
}

export const wellArchitected = defineService({
  signingName: 'wellarchitected',
  actionPrefix: 'wellarchitected',
  protocol: restJson,
  operations: {
    ListWorkloads: { http: 'POST /workloadsSummaries', handler: listWorkloads },
    ListMilestones: { http: 'POST /workloads/{WorkloadId}/milestonesSummaries', handler: listMilestones },
  },
});
