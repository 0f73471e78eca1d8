import type * as SdkBackup from '@aws-sdk/client-backup';
import type { RestoreJobsListMember } from '@aws-sdk/client-backup';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { protectedResources, RESTORE_JOBS_KEPT, restoreTests, type RestoreJobInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';
import { byCodeUnit } from '../../contract/order.js';

const {
  BackupClient,
  paginateListProtectedResources,
  paginateListRestoreJobs,
  paginateListRestoreTestingPlans,
} = sdkModule<typeof SdkBackup>('@aws-sdk/client-backup');

/** The largest page the List calls accept; a fresh input each time, as paginators write their token into it. */
const page = () => ({ MaxResults: 1000 });
/** Restore jobs are listed for 13 months, so a check judging "within 12 months" at replay time still has them. */
const RESTORE_WINDOW_DAYS = 396;

const collectProtectedResources = defineCollector(protectedResources, async (ctx) => {
  const pages = paginateListProtectedResources({ client: ctx.clients.get(BackupClient) }, page());
  const resources = await collectPages(pages, (out) => out.Results);
  return {
    resources: resources.map((r) => ({ arn: required(r.ResourceArn, 'ResourceArn'), type: r.ResourceType, lastBackupTime: isoDate(r.LastBackupTime) })),
  };
});

function toJob(job: RestoreJobsListMember): RestoreJobInfo {
  return {
    restoreJobId: required(job.RestoreJobId, 'RestoreJobId'),
    resourceType: job.ResourceType,
    completionDate: isoDate(job.CompletionDate),
    restoreTestingPlanArn: job.CreatedBy?.RestoreTestingPlanArn,
    validationStatus: job.ValidationStatus,
  };
}

const collectRestoreTests = defineCollector(restoreTests, async (ctx) => {
  const client = ctx.clients.get(BackupClient);
  const since = new Date(Date.now() - RESTORE_WINDOW_DAYS * 86_400_000);
  const [plans, jobs] = await Promise.all([
    collectPages(paginateListRestoreTestingPlans({ client }, page()), (out) => out.RestoreTestingPlans),
    collectPages(paginateListRestoreJobs({ client }, { ...page(), ByStatus: 'COMPLETED', ByCompleteAfter: since }), (out) => out.RestoreJobs),
  ]);
  const completed = jobs.map(toJob).sort((a, b) => byCodeUnit(b.completionDate ?? '', a.completionDate ?? ''));
  return {
    plans: plans.map((plan) => ({
      arn: required(plan.RestoreTestingPlanArn, 'RestoreTestingPlanArn'),
      name: required(plan.RestoreTestingPlanName, 'RestoreTestingPlanName'),
      scheduleExpression: plan.ScheduleExpression,
      lastExecutionTime: isoDate(plan.LastExecutionTime),
    })),
    completedJobs: completed.slice(0, RESTORE_JOBS_KEPT),
    completedJobCount: completed.length,
    since: since.toISOString(),
  };
});

export const COLLECTORS = [collectProtectedResources, collectRestoreTests];
