import { AccessDeniedException, ListResponsePlansCommand, SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { responsePlans } from '../../src/datasets/ssm-incidents/datasets.js';
import { collect, noEndpoint, testContext } from './context.js';

const incidents = mockClient(SSMIncidentsClient);

describe('ssm-incidents.responsePlans', () => {
  beforeEach(() => incidents.reset());

  it('lists the response plans', async () => {
    incidents.on(ListResponsePlansCommand).resolves({ responsePlanSummaries: [{ arn: 'arn:aws:ssm-incidents::111122223333:response-plan/sev1', name: 'sev1' }] });
    expect(await collect(responsePlans, testContext())).toEqual({ available: true, responsePlans: [{ arn: 'arn:aws:ssm-incidents::111122223333:response-plan/sev1', name: 'sev1' }] });
  });

  it('reads a region without Incident Manager as unavailable, and lets a refusal propagate', async () => {
    incidents.on(ListResponsePlansCommand).rejectsOnce(noEndpoint('ssm-incidents')).rejectsOnce(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    expect(await collect(responsePlans, testContext())).toEqual({ available: false, responsePlans: [] });
    await expect(collect(responsePlans, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
