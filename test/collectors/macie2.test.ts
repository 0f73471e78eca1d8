import { AccessDeniedException, GetMacieSessionCommand, ListClassificationJobsCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { macieStatus } from '../../src/datasets/macie2/datasets.js';
import { collect, testContext } from './context.js';

const macie = mockClient(Macie2Client);

describe('macie2.status', () => {
  beforeEach(() => macie.reset());

  it('reads the session status and every classification job', async () => {
    macie.on(GetMacieSessionCommand).resolves({ status: 'ENABLED' });
    macie
      .on(ListClassificationJobsCommand)
      .resolvesOnce({ items: [{ jobId: 'j1', name: 'pii-scan', jobStatus: 'COMPLETE', jobType: 'ONE_TIME', createdAt: new Date('2026-01-02T00:00:00Z') }], nextToken: 'n' })
      .resolvesOnce({ items: [{ jobId: 'j2', jobStatus: 'IDLE', jobType: 'SCHEDULED' }] });
    expect(await collect(macieStatus, testContext())).toEqual({
      enabled: true,
      status: 'ENABLED',
      jobs: [
        { jobId: 'j1', name: 'pii-scan', status: 'COMPLETE', type: 'ONE_TIME', createdAt: '2026-01-02T00:00:00.000Z' },
        { jobId: 'j2', name: undefined, status: 'IDLE', type: 'SCHEDULED', createdAt: undefined },
      ],
    });
  });

  it('reads "Macie is not enabled." as not enabled, without listing jobs', async () => {
    macie.on(GetMacieSessionCommand).rejects(new AccessDeniedException({ message: 'Macie is not enabled.', $metadata: {} }));
    expect(await collect(macieStatus, testContext())).toEqual({ enabled: false, jobs: [] });
    expect(macie.commandCalls(ListClassificationJobsCommand)).toHaveLength(0);
  });

  it('lets a refused call propagate', async () => {
    macie.on(GetMacieSessionCommand).rejects(new AccessDeniedException({ message: 'User is not authorized to perform: macie2:GetMacieSession', $metadata: {} }));
    await expect(collect(macieStatus, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
