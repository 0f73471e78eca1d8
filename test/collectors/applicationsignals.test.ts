import { AccessDeniedException, ApplicationSignalsClient, ListServiceLevelObjectivesCommand } from '@aws-sdk/client-application-signals';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { serviceLevelObjectives } from '../../src/datasets/applicationsignals/datasets.js';
import { collect, noEndpoint, testContext } from './context.js';

const signals = mockClient(ApplicationSignalsClient);

describe('applicationsignals.slos', () => {
  beforeEach(() => signals.reset());

  it('lists the service-level objectives', async () => {
    signals.on(ListServiceLevelObjectivesCommand).resolves({ SloSummaries: [{ Arn: 'arn:slo/checkout-latency', Name: 'checkout-latency' }] });
    expect(await collect(serviceLevelObjectives, testContext())).toEqual({ available: true, slos: [{ arn: 'arn:slo/checkout-latency', name: 'checkout-latency' }] });
  });

  it('reads a region without the service as unavailable, and lets a refusal propagate', async () => {
    signals.on(ListServiceLevelObjectivesCommand).rejectsOnce(noEndpoint('application-signals')).rejectsOnce(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    expect(await collect(serviceLevelObjectives, testContext())).toEqual({ available: false, slos: [] });
    await expect(collect(serviceLevelObjectives, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
