import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { taggedResources } from '../../src/datasets/tagging/datasets.js';
import { awsError, collect, testContext } from './context.js';

const tagging = mockClient(ResourceGroupsTaggingAPIClient);
beforeEach(() => tagging.reset());

const FN = 'arn:aws:lambda:eu-west-1:111122223333:function:api';
const ALB = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';

describe('tagging.resources', () => {
  it('reads Lambda and load balancer tags page by page, until the empty PaginationToken', async () => {
    tagging
      .on(GetResourcesCommand)
      .resolvesOnce({ ResourceTagMappingList: [{ ResourceARN: FN, Tags: [{ Key: 'aws:cloudformation:stack-id', Value: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/app/1' }] }], PaginationToken: 'p2' })
      .resolvesOnce({ ResourceTagMappingList: [{ ResourceARN: ALB, Tags: [{ Key: 'ManagedBy', Value: 'terraform' }] }], PaginationToken: '' });
    const evidence = await collect(taggedResources, testContext());
    expect(evidence.tagsByArn).toEqual({ [FN]: { 'aws:cloudformation:stack-id': 'arn:aws:cloudformation:eu-west-1:111122223333:stack/app/1' }, [ALB]: { ManagedBy: 'terraform' } });
    expect(evidence.resourceTypes).toEqual(['lambda:function', 'elasticloadbalancing:loadbalancer']);
    // The paginator writes its token into the input it was given, so only the last call's token is asserted.
    const inputs = tagging.commandCalls(GetResourcesCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => [i.ResourceTypeFilters, i.ResourcesPerPage])).toEqual([
      [['lambda:function', 'elasticloadbalancing:loadbalancer'], 100],
      [['lambda:function', 'elasticloadbalancing:loadbalancer'], 100],
    ]);
    expect(inputs[1]!.PaginationToken).toBe('p2');
  });

  it('lets a refusal propagate', async () => {
    tagging.on(GetResourcesCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(taggedResources, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
