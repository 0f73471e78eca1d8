// Amazon Macie (restJson 1): the region's Macie session and its classification jobs. A region
// without Macie answers "Macie is not enabled." (AccessDeniedException), as Macie does.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface MacieSpec {
  status?: 'ENABLED' | 'PAUSED';
  jobs?: { name: string; status?: 'RUNNING' | 'IDLE' | 'COMPLETE' | 'PAUSED' | 'USER_PAUSED' | 'CANCELLED'; type?: 'ONE_TIME' | 'SCHEDULED' }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    /** Absent: Macie was never enabled in the region. */
    macie?: MacieSpec;
  }
}

const CREATED = '2025-09-01T00:00:00.000Z';

function session(ctx: HandlerContext): MacieSpec {
  const macie = ctx.regionSpec.macie;
  if (!macie) throw new FakeAwsError('AccessDeniedException', 403, 'Macie is not enabled.');
  return macie;
}

function getMacieSession(ctx: HandlerContext): unknown {
  const macie = session(ctx);
  return {
    createdAt: CREATED,
    updatedAt: CREATED,
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
    serviceRole: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
    status: macie.status ?? 'ENABLED',
  };
}

function listClassificationJobs(ctx: HandlerContext): unknown {
  const jobs = (session(ctx).jobs ?? []).map((job) => ({
    jobId: stableId(`${ctx.account.id}/${job.name}`, 32),
    name: job.name,
    jobStatus: job.status ?? 'COMPLETE',
    jobType: job.type ?? 'ONE_TIME',
    createdAt: CREATED,
  }));
  const page = paginate(jobs, ctx.input.json.nextToken, optionalNumber(ctx.input.json.maxResults) ?? 100, 'ValidationException');
  return { items: page.items, nextToken: page.nextToken };
}

export const macie2 = defineService({
  signingName: 'macie2',
  actionPrefix: 'macie2',
  protocol: restJson,
  operations: {
    GetMacieSession: { http: 'GET /macie', handler: getMacieSession },
    ListClassificationJobs: { http: 'POST /jobs/list', handler: listClassificationJobs },
  },
});
