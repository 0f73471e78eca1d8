import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ecrRepositories } from '../../src/datasets/ecr/datasets.js';
import { awsError, collect, testContext } from './context.js';

const ecr = mockClient(ECRClient);

describe('ecr.repositories', () => {
  beforeEach(() => ecr.reset());

  it('lists the repositories', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryName: 'web', repositoryArn: 'arn:web', imageScanningConfiguration: { scanOnPush: true } }] });
    expect(await collect(ecrRepositories, testContext())).toEqual({ repositories: [{ name: 'web', arn: 'arn:web', scanOnPush: true }] });
  });

  it('lets a refused call propagate', async () => {
    ecr.on(DescribeRepositoriesCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(ecrRepositories, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
