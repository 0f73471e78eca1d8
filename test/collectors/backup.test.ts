import { BackupClient, ListProtectedResourcesCommand, ListRestoreJobsCommand, ListRestoreTestingPlansCommand } from '@aws-sdk/client-backup';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { protectedResources, RESTORE_JOBS_KEPT, restoreTests } from '../../src/datasets/backup/datasets.js';
import { awsError, collect, testContext } from './context.js';

const backup = mockClient(BackupClient);
beforeEach(() => backup.reset());

describe('backup.protectedResources', () => {
  it('pages the protected resources', async () => {
    backup.on(ListProtectedResourcesCommand).resolvesOnce({ Results: [{ ResourceArn: 'arn:i', ResourceType: 'EC2', LastBackupTime: new Date('2026-11-01T00:00:00Z') }], NextToken: 't' }).resolvesOnce({ Results: [{ ResourceArn: 'arn:t', ResourceType: 'DynamoDB' }] });
    expect(await collect(protectedResources, testContext())).toEqual({
      resources: [
        { arn: 'arn:i', type: 'EC2', lastBackupTime: '2026-11-01T00:00:00.000Z' },
        { arn: 'arn:t', type: 'DynamoDB', lastBackupTime: undefined },
      ],
    });
  });

  it('lets a refusal propagate', async () => {
    backup.on(ListProtectedResourcesCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(protectedResources, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('backup.restoreTests', () => {
  it('lists plans and the completed restore jobs of 13 months, newest first, keeping the newest', async () => {
    backup.on(ListRestoreTestingPlansCommand).resolves({ RestoreTestingPlans: [{ RestoreTestingPlanArn: 'arn:p', RestoreTestingPlanName: 'weekly', ScheduleExpression: 'cron(0 5 ? * * *)', CreationTime: new Date() }] });
    const jobs = Array.from({ length: RESTORE_JOBS_KEPT + 2 }, (_, i) => ({ RestoreJobId: `j${i}`, CompletionDate: new Date(Date.UTC(2026, 0, 1 + i)), Status: 'COMPLETED' as const }));
    backup.on(ListRestoreJobsCommand).resolves({ RestoreJobs: jobs });
    const evidence = await collect(restoreTests, testContext());
    expect(evidence.plans).toEqual([{ arn: 'arn:p', name: 'weekly', scheduleExpression: 'cron(0 5 ? * * *)', lastExecutionTime: undefined }]);
    expect(evidence.completedJobCount).toBe(RESTORE_JOBS_KEPT + 2);
    expect(evidence.completedJobs).toHaveLength(RESTORE_JOBS_KEPT);
    expect(evidence.completedJobs[0]!.restoreJobId).toBe(`j${RESTORE_JOBS_KEPT + 1}`);
    const input = backup.commandCalls(ListRestoreJobsCommand)[0]!.args[0].input;
    expect(input.ByStatus).toBe('COMPLETED');
    expect(Date.now() - input.ByCompleteAfter!.getTime()).toBeGreaterThan(395 * 86_400_000);
  });
});
