import { ListAppAssessmentsCommand, ResiliencehubClient } from '@aws-sdk/client-resiliencehub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ASSESSMENTS_KEPT, appAssessments } from '../../src/datasets/resiliencehub/datasets.js';
import { awsError, collect, noEndpoint, testContext } from './context.js';

// The registry mirror's Resilience Hub client (3.523.0) predates @smithy/types 4.
const hub = mockClient(ResiliencehubClient as never) as unknown as ReturnType<typeof mockClient>;
beforeEach(() => hub.reset());

describe('resiliencehub.assessments', () => {
  it('lists the successful assessments of every application, newest first, keeping the newest', async () => {
    const summaries = Array.from({ length: ASSESSMENTS_KEPT + 1 }, (_, i) => ({
      assessmentArn: `arn:a${i}`,
      appArn: 'arn:app/storefront',
      assessmentStatus: 'Success',
      complianceStatus: 'PolicyMet',
      endTime: new Date(Date.UTC(2026, 0, 1 + i)),
    }));
    hub.on(ListAppAssessmentsCommand as never).resolves({ assessmentSummaries: summaries } as never);
    const evidence = await collect(appAssessments, testContext());
    expect(evidence).toMatchObject({ offered: true, successfulCount: ASSESSMENTS_KEPT + 1 });
    expect(evidence.assessments[0]).toMatchObject({ arn: `arn:a${ASSESSMENTS_KEPT}`, status: 'Success' });
    expect(evidence.assessments).toHaveLength(ASSESSMENTS_KEPT);
    expect(hub.commandCalls(ListAppAssessmentsCommand as never)[0]!.args[0].input).toMatchObject({ assessmentStatus: ['Success'] });
  });

  it('answers "not offered" where the regional endpoint does not resolve', async () => {
    hub.on(ListAppAssessmentsCommand as never).rejects(noEndpoint('resiliencehub'));
    expect(await collect(appAssessments, testContext())).toEqual({ offered: false, assessments: [], successfulCount: 0 });
  });

  it('lets a refusal propagate', async () => {
    hub.on(ListAppAssessmentsCommand as never).rejects(awsError('AccessDeniedException'));
    await expect(collect(appAssessments, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
