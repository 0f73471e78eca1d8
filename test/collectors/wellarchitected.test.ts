import { AccessDeniedException, ListMilestonesCommand, ListWorkloadsCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { wellArchitectedWorkloads } from '../../src/datasets/wellarchitected/datasets.js';
import { collect, noEndpoint, testContext } from './context.js';

const wa = mockClient(WellArchitectedClient);

describe('wellarchitected.workloads', () => {
  beforeEach(() => wa.reset());

  it('reads each workload with its latest milestone and risks', async () => {
    wa.on(ListWorkloadsCommand).resolves({
      WorkloadSummaries: [{ WorkloadId: 'w1', WorkloadName: 'shop', WorkloadArn: 'arn:w1', UpdatedAt: new Date('2026-03-01T00:00:00Z'), RiskCounts: { HIGH: 2, NONE: 40 } }],
    });
    wa.on(ListMilestonesCommand)
      .resolvesOnce({ MilestoneSummaries: [{ MilestoneNumber: 1, RecordedAt: new Date('2025-06-01T00:00:00Z') }], NextToken: 'n' })
      .resolvesOnce({ MilestoneSummaries: [{ MilestoneNumber: 2, RecordedAt: new Date('2026-02-01T00:00:00Z') }] });
    expect(await collect(wellArchitectedWorkloads, testContext())).toEqual({
      available: true,
      workloads: [{ id: 'w1', name: 'shop', arn: 'arn:w1', updatedAt: '2026-03-01T00:00:00.000Z', lastMilestoneAt: '2026-02-01T00:00:00.000Z', riskCounts: { HIGH: 2, NONE: 40 } }],
    });
  });

  it('reads a region without the service as unavailable', async () => {
    wa.on(ListWorkloadsCommand).rejects(noEndpoint('wellarchitected'));
    expect(await collect(wellArchitectedWorkloads, testContext())).toEqual({ available: false, workloads: [] });
  });

  it('lets a refused call propagate', async () => {
    wa.on(ListWorkloadsCommand).rejects(new AccessDeniedException({ message: 'denied', Message: 'denied', $metadata: {} }));
    await expect(collect(wellArchitectedWorkloads, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
