import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { supportPlan } from '../../src/datasets/support/datasets.js';
import { awsError, collect, testContext } from './context.js';

const support = mockClient(SupportClient);

describe('support.plan', () => {
  beforeEach(() => support.reset());

  it('is called in us-east-1', () => {
    expect(supportPlan.homeRegion).toBe('us-east-1');
  });

  it('reports the severity codes of a paid plan', async () => {
    support.on(DescribeSeverityLevelsCommand).resolves({
      severityLevels: [
        { code: 'low', name: 'Low' },
        { code: 'critical', name: 'Critical' },
      ],
    });
    expect(await collect(supportPlan, testContext('us-east-1'))).toEqual({ subscribed: true, severityCodes: ['low', 'critical'] });
  });

  it('turns SubscriptionRequiredException into subscribed=false', async () => {
    support.on(DescribeSeverityLevelsCommand).rejects(awsError('SubscriptionRequiredException'));
    expect(await collect(supportPlan, testContext('us-east-1'))).toEqual({ subscribed: false, severityCodes: [] });
  });

  it('lets AccessDenied propagate', async () => {
    support.on(DescribeSeverityLevelsCommand).rejects(awsError('AccessDeniedException', 'not authorized'));
    await expect(collect(supportPlan, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
