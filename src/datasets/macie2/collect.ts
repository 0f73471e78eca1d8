import type * as SdkMacie2 from '@aws-sdk/client-macie2';
import { defineCollector } from '../../contract/collector.js';
import { macieStatus } from './datasets.js';
import { collectPages, isErrorNamed, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  GetMacieSessionCommand,
  Macie2Client,
  paginateListClassificationJobs,
} = sdkModule<typeof SdkMacie2>('@aws-sdk/client-macie2');

/** Macie's answer where it was never enabled: AccessDeniedException "Macie is not enabled.", unlike a refused call. */
function isNotEnabled(err: unknown): boolean {
  return isErrorNamed(err, 'AccessDeniedException') && /Macie is not enabled/i.test((err as Error).message);
}

const collectMacie = defineCollector(macieStatus, async (ctx) => {
  const client = ctx.clients.get(Macie2Client);
  let status: string;
  try {
    status = required((await client.send(new GetMacieSessionCommand({}))).status, 'GetMacieSession.status');
  } catch (err) {
    if (isNotEnabled(err)) return { enabled: false, jobs: [] };
    throw err;
  }
  const jobs = await collectPages(paginateListClassificationJobs({ client }, {}), (page) => page.items);
  return {
    enabled: true,
    status,
    jobs: jobs.map((job) => ({
      jobId: required(job.jobId, 'ClassificationJob.jobId'),
      name: job.name,
      status: job.jobStatus,
      type: job.jobType,
      createdAt: isoDate(job.createdAt),
    })),
  };
});

export const COLLECTORS = [collectMacie];
