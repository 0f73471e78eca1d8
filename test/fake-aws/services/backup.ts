// AWS Backup (restJson 1): protected resources, restore testing plans and restore jobs.

import { optionalNumber, paginate } from '../params.js';
import { epochSeconds } from '../protocols/json.js';
import { restJson } from '../protocols/rest-json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface BackupSpec {
  /** ARNs of resources AWS Backup has backed up, with the type Backup names them by. */
  protectedResources?: { arn: string; type: string; lastBackup?: When }[];
  restoreTestingPlans?: { name: string; lastRun?: When }[];
  restoreJobs?: { id: string; status?: 'PENDING' | 'RUNNING' | 'COMPLETED' | 'ABORTED' | 'FAILED'; completed: When; resourceType?: string; testingPlan?: string }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    backup?: BackupSpec;
  }
}

const spec = (ctx: HandlerContext): BackupSpec => ctx.regionSpec.backup ?? {};

function pageOf<T>(ctx: HandlerContext, items: T[]) {
  return paginate(items, ctx.input.form.get('nextToken'), optionalNumber(ctx.input.form.get('maxResults')) ?? 1000, 'InvalidParameterValueException');
}

function listProtectedResources(ctx: HandlerContext): unknown {
  const page = pageOf(ctx, spec(ctx).protectedResources ?? []);
  return {
    Results: page.items.map((r) => ({ ResourceArn: r.arn, ResourceType: r.type, LastBackupTime: epochSeconds(resolveWhen(r.lastBackup ?? '-1d', ctx.now)) })),
    NextToken: page.nextToken,
  };
}

const planArn = (ctx: HandlerContext, name: string) => `arn:aws:backup:${ctx.region}:${ctx.account.id}:restore-testing-plan:${name}-${'0'.repeat(8)}`;

function listRestoreTestingPlans(ctx: HandlerContext): unknown {
  const page = pageOf(ctx, spec(ctx).restoreTestingPlans ?? []);
  return {
    RestoreTestingPlans: page.items.map((p) => ({
      RestoreTestingPlanArn: planArn(ctx, p.name),
      RestoreTestingPlanName: p.name,
      ScheduleExpression: 'cron(0 5 ? * * *)',
      CreationTime: epochSeconds(resolveWhen('-200d', ctx.now)),
      LastExecutionTime: p.lastRun ? epochSeconds(resolveWhen(p.lastRun, ctx.now)) : undefined,
    })),
    NextToken: page.nextToken,
  };
}

/** Filters by status and completion date (epoch seconds or ISO, as the query carries it). */
function listRestoreJobs(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const status = form.get('status');
  const after = form.get('completeAfter');
  const afterDate = after === null ? undefined : /^\d+(\.\d+)?$/.test(after) ? new Date(Number(after) * 1000) : new Date(after);
  const jobs = (spec(ctx).restoreJobs ?? [])
    .map((j) => ({ ...j, completedAt: resolveWhen(j.completed, ctx.now) }))
    .filter((j) => status === null || (j.status ?? 'COMPLETED') === status)
    .filter((j) => afterDate === undefined || j.completedAt >= afterDate);
  const page = pageOf(ctx, jobs);
  return {
    RestoreJobs: page.items.map((j) => ({
      AccountId: ctx.account.id,
      RestoreJobId: j.id,
      Status: j.status ?? 'COMPLETED',
      ResourceType: j.resourceType ?? 'EBS',
      CreationDate: epochSeconds(new Date(j.completedAt.getTime() - 3_600_000)),
      CompletionDate: epochSeconds(j.completedAt),
      CreatedBy: j.testingPlan ? { RestoreTestingPlanArn: planArn(ctx, j.testingPlan) } : undefined,
    })),
    NextToken: page.nextToken,
  };
}

export const backup = defineService({
  signingName: 'backup',
  actionPrefix: 'backup',
  protocol: restJson,
  operations: {
    ListProtectedResources: { http: 'GET /resources', handler: listProtectedResources },
    ListRestoreTestingPlans: { http: 'GET /restore-testing/plans', handler: listRestoreTestingPlans },
    ListRestoreJobs: { http: 'GET /restore-jobs', handler: listRestoreJobs },
  },
});
