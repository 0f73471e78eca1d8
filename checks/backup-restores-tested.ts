import { restoreTests } from '../src/datasets/backup/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { accountArn, regionalArn } from './lib/arn.js';
import { failedRegion, REGION_VIEW_MESSAGES } from './lib/region-views.js';
import { monthsBefore } from './lib/time.js';

const MESSAGES = {
  restoreTested: 'Restore tests are visible in AWS Backup: {seen}.',
  noRestoreTest: 'No restore test visible in AWS Backup (no restore testing plan, no restore job completed since {since}) in {regions}: attest yours.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;

export default defineCheck({
  id: 'backup-restores-tested',
  title: 'Restores are tested on a schedule',
  description:
    'Looks in every region for AWS Backup restore testing plans and for restore jobs that completed within the last 12 months. Either one ' +
    'anywhere in the account passes, naming them (which rolls up as a warning until the partner attests the schedule and latest result). ' +
    'Neither warns, since restore tests run outside AWS Backup are invisible here; a region whose AWS Backup answers could not be read is ' +
    'an error when nothing was found elsewhere.',
  requirements: { 'ftr-partner-hosted': ['BAR-002'] },
  severity: 'medium',
  scope: 'account',
  uses: { tests: restoreTests },
  remediation:
    'Create a restore testing plan (`aws backup create-restore-testing-plan`, with a selection of the protected resources to restore ' +
    'and validate), or run and record restore drills after each major change.',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const since = monthsBefore(input.now, 12);
    const seen: string[] = [];
    const evidence: Record<string, unknown> = {};
    const failures: Outcome<MessageId>[] = [];
    for (const region of input.regions) {
      const view = input.data.tests[region]!;
      if (!view.ok) {
        const failure = failedRegion(view, region, restoreTests.id, input.closedRegions);
        failures.push({ ...failure, resource: regionalArn({ accountId: input.accountId, region }, 'backup', 'restore-testing-plan'), region });
        continue;
      }
      const jobs = view.data.completedJobs.filter((j) => j.completionDate !== undefined && j.completionDate >= since);
      seen.push(...view.data.plans.map((p) => `restore testing plan ${p.name} in ${region}`));
      if (jobs.length > 0) seen.push(`${jobs.length} restore job(s) completed in ${region}, the latest on ${jobs[0]!.completionDate!.slice(0, 10)}`);
      evidence[region] = { plans: view.data.plans, recentJobs: jobs };
    }
    const resource = accountArn(input);
    if (seen.length > 0) return [{ status: 'PASS', messageId: 'restoreTested', resource, params: { seen: seen.join('; ') }, evidence: { since, regions: evidence, unreadable: failures.map((f) => f.region) } }];
    if (failures.some((f) => f.status === 'ERROR')) return failures;
    const readable = input.regions.filter((r) => input.data.tests[r]!.ok);
    return [
      ...failures,
      { status: 'WARN', messageId: 'noRestoreTest', resource, params: { since: since.slice(0, 10), regions: readable.join(', ') || 'no region' }, evidence: { since } },
    ];
  },
});
