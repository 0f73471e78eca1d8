import { FisClient, GetExperimentCommand, ListExperimentsCommand } from '@aws-sdk/client-fis';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { experiments } from '../../src/datasets/fis/datasets.js';
import { awsError, collect, noEndpoint, testContext } from './context.js';

// The registry mirror's FIS client (3.523.0) predates @smithy/types 4; aws-sdk-client-mock stubs it all the same.
const fis = mockClient(FisClient as never) as unknown as ReturnType<typeof mockClient>;
beforeEach(() => fis.reset());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe('fis.experiments', () => {
  it('describes the completed experiments of the last 13 months and counts the others', async () => {
    fis.on(ListExperimentsCommand as never).resolves({
      experiments: [
        { id: 'E1', state: { status: 'completed' }, creationTime: daysAgo(30) },
        { id: 'E2', state: { status: 'failed' }, creationTime: daysAgo(20) },
        { id: 'E3', state: { status: 'completed' }, creationTime: daysAgo(500) },
      ],
    } as never);
    fis.on(GetExperimentCommand as never).resolves({
      experiment: {
        id: 'E1',
        experimentTemplateId: 'EXT1',
        state: { status: 'completed' },
        creationTime: daysAgo(30),
        actions: { stop: { actionId: 'aws:ec2:stop-instances', targets: { Instances: 'az' }, state: { status: 'completed' } } },
        targets: { az: { resourceType: 'aws:ec2:instance', filters: [{ path: 'Placement.AvailabilityZone', values: ['eu-west-1a'] }], resourceArns: ['arn:1', 'arn:2'], selectionMode: 'ALL' } },
      },
    } as never);
    const evidence = await collect(experiments, testContext());
    expect(evidence.offered).toBe(true);
    expect(evidence.otherCount).toBe(2);
    expect(evidence.completed).toEqual([
      expect.objectContaining({
        id: 'E1',
        status: 'completed',
        actions: [{ name: 'stop', actionId: 'aws:ec2:stop-instances', parameters: {}, targets: { Instances: 'az' }, status: 'completed' }],
        targets: [{ name: 'az', resourceType: 'aws:ec2:instance', filters: [{ path: 'Placement.AvailabilityZone', values: ['eu-west-1a'] }], parameters: {}, resourceTags: {}, resourceArnCount: 2 }],
      }),
    ]);
    expect(fis.commandCalls(GetExperimentCommand as never)).toHaveLength(1);
  });

  it('answers "not offered" where the regional endpoint does not resolve', async () => {
    fis.on(ListExperimentsCommand as never).rejects(noEndpoint('fis'));
    expect(await collect(experiments, testContext())).toMatchObject({ offered: false, completed: [], otherCount: 0 });
  });

  it('lets a refusal propagate', async () => {
    fis.on(ListExperimentsCommand as never).rejects(awsError('AccessDeniedException'));
    await expect(collect(experiments, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
