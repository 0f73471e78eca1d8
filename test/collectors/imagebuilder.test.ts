import { GetContainerRecipeCommand, GetImageRecipeCommand, ImagebuilderClient, ListImagePipelinesCommand } from '@aws-sdk/client-imagebuilder';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { imagePipelines } from '../../src/datasets/imagebuilder/datasets.js';
import { awsError, collect, testContext } from './context.js';

const ib = mockClient(ImagebuilderClient);
beforeEach(() => ib.reset());

describe('imagebuilder.pipelines', () => {
  it('reads each recipe once, for image and container pipelines; a recipe that is gone has no components', async () => {
    ib.on(ListImagePipelinesCommand).resolves({
      imagePipelineList: [
        { arn: 'arn:p1', name: 'golden', status: 'ENABLED', imageRecipeArn: 'arn:r1', dateLastRun: '2026-11-01T00:00:00.000Z' },
        { arn: 'arn:p2', name: 'golden-copy', status: 'ENABLED', imageRecipeArn: 'arn:r1' },
        { arn: 'arn:p3', name: 'containers', status: 'DISABLED', containerRecipeArn: 'arn:c1' },
        { arn: 'arn:p4', name: 'orphan', imageRecipeArn: 'arn:gone' },
      ],
    });
    ib.on(GetImageRecipeCommand, { imageRecipeArn: 'arn:r1' }).resolves({ imageRecipe: { components: [{ componentArn: 'arn:stig-build-linux-high' }], parentImage: 'ami-1' } });
    ib.on(GetImageRecipeCommand, { imageRecipeArn: 'arn:gone' }).rejects(awsError('ResourceNotFoundException'));
    ib.on(GetContainerRecipeCommand).resolves({ containerRecipe: { components: [{ componentArn: 'arn:cis' }], parentImage: 'amazonlinux:2023' } });
    const { pipelines } = await collect(imagePipelines, testContext());
    expect(pipelines.map((p) => [p.name, p.status, p.components, p.parentImage])).toEqual([
      ['golden', 'ENABLED', ['arn:stig-build-linux-high'], 'ami-1'],
      ['golden-copy', 'ENABLED', ['arn:stig-build-linux-high'], 'ami-1'],
      ['containers', 'DISABLED', ['arn:cis'], 'amazonlinux:2023'],
      ['orphan', undefined, [], undefined],
    ]);
    expect(pipelines[0]!.dateLastRun).toBe('2026-11-01T00:00:00.000Z');
    expect(ib.commandCalls(GetImageRecipeCommand)).toHaveLength(2);
    expect(ib.commandCalls(ListImagePipelinesCommand)[0]!.args[0].input).toEqual({ maxResults: 25 });
  });

  it('lets a refusal propagate', async () => {
    ib.on(ListImagePipelinesCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(imagePipelines, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
