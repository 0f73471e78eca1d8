import { DescribeCanariesCommand, SyntheticsClient } from '@aws-sdk/client-synthetics';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { syntheticsCanaries } from '../../src/datasets/synthetics/datasets.js';
import { awsError, collect, testContext } from './context.js';

const synthetics = mockClient(SyntheticsClient as never) as unknown as ReturnType<typeof mockClient>;

describe('synthetics.canaries', () => {
  beforeEach(() => synthetics.reset());

  it('lists the canaries and their state', async () => {
    synthetics.on(DescribeCanariesCommand as never).resolves({ Canaries: [{ Name: 'home-page', Status: { State: 'RUNNING' } }, { Name: 'old' }] } as never);
    expect(await collect(syntheticsCanaries, testContext())).toEqual({ canaries: [{ name: 'home-page', state: 'RUNNING' }, { name: 'old', state: undefined }] });
  });

  it('lets a refused call propagate', async () => {
    synthetics.on(DescribeCanariesCommand as never).rejects(awsError('AccessDeniedException'));
    await expect(collect(syntheticsCanaries, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
