import { ListLinksCommand, ListSinksCommand, OAMClient } from '@aws-sdk/client-oam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { oamLinks } from '../../src/datasets/oam/datasets.js';
import { awsError, collect, noEndpoint, testContext } from './context.js';

const oam = mockClient(OAMClient as never) as unknown as ReturnType<typeof mockClient>;

describe('oam.links', () => {
  beforeEach(() => oam.reset());

  it('reads the links to monitoring-account sinks and the account\'s own sinks', async () => {
    oam.on(ListLinksCommand as never).resolves({ Items: [{ Arn: 'arn:link', Label: 'prod', SinkArn: 'arn:aws:oam:eu-west-1:999988887777:sink/s', ResourceTypes: ['AWS::CloudWatch::Metric'] }] } as never);
    oam.on(ListSinksCommand as never).resolves({ Items: [] } as never);
    expect(await collect(oamLinks, testContext())).toEqual({
      available: true,
      links: [{ arn: 'arn:link', label: 'prod', sinkArn: 'arn:aws:oam:eu-west-1:999988887777:sink/s', resourceTypes: ['AWS::CloudWatch::Metric'] }],
      sinks: [],
    });
  });

  it('reads a region without the service as unavailable', async () => {
    oam.on(ListLinksCommand as never).rejects(noEndpoint('oam'));
    oam.on(ListSinksCommand as never).rejects(noEndpoint('oam'));
    expect(await collect(oamLinks, testContext())).toEqual({ available: false, links: [], sinks: [] });
  });

  it('lets a refused call propagate', async () => {
    oam.on(ListLinksCommand as never).rejects(awsError('AccessDeniedException'));
    oam.on(ListSinksCommand as never).resolves({ Items: [] } as never);
    await expect(collect(oamLinks, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
