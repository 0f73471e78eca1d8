import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListClustersCommand, ListServicesCommand, ListTaskDefinitionFamiliesCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ecsServices, ecsTaskDefinitions } from '../../src/datasets/ecs/datasets.js';
import { awsError, collect, testContext } from './context.js';

const ecs = mockClient(ECSClient);
beforeEach(() => ecs.reset());

const serviceArns = Array.from({ length: 12 }, (_, i) => `arn:svc/${i}`);

function mockServices(): void {
  ecs.on(ListClustersCommand).resolves({ clusterArns: ['arn:cluster/web'] });
  ecs.on(ListServicesCommand).resolves({ serviceArns });
  ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
    services: input.services.map((arn, i) => ({
      serviceArn: arn,
      serviceName: `s${i}`,
      clusterArn: 'arn:cluster/web',
      taskDefinition: arn === 'arn:svc/0' ? 'arn:td/web:3' : 'arn:td/web:4',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
      tags: [{ key: 'Team', value: 'web' }],
    })),
  }));
}

describe('ecs.services', () => {
  it('describes the services of every cluster, ten at a time, with their tags', async () => {
    mockServices();
    const evidence = await collect(ecsServices, testContext());
    expect(evidence.clusterArns).toEqual(['arn:cluster/web']);
    expect(evidence.services).toHaveLength(12);
    expect(evidence.services[0]).toMatchObject({ name: 's0', subnets: ['subnet-1'], assignPublicIp: 'ENABLED', tags: { Team: 'web' } });
    expect(ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services?.length)).toEqual([10, 2]);
    expect(ecs.commandCalls(DescribeServicesCommand)[0]!.args[0].input.include).toEqual(['TAGS']);
  });

  it('lets a refusal propagate', async () => {
    ecs.on(ListClustersCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(ecsServices, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('ecs.taskDefinitions', () => {
  it("describes each family's latest revision and the revisions services run, once each, without environment values", async () => {
    mockServices();
    ecs.on(ListTaskDefinitionFamiliesCommand).resolves({ families: ['web'] });
    ecs.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
      const revision = input.taskDefinition === 'arn:td/web:3' ? 3 : 4;
      return {
        taskDefinition: {
          taskDefinitionArn: `arn:td/web:${revision}`,
          family: 'web',
          revision,
          containerDefinitions: [{ name: 'app', image: 'app:1', environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }], secrets: [{ name: 'API_KEY', valueFrom: 'arn:secret' }] }],
        },
      };
    });
    const { taskDefinitions } = await collect(ecsTaskDefinitions, testContext());
    expect(taskDefinitions.map((t) => t.arn)).toEqual(['arn:td/web:4', 'arn:td/web:3']);
    expect(taskDefinitions[0]!.containers[0]).toMatchObject({ name: 'app', environment: [{ name: 'DB_PASSWORD', secretName: true }], secretNames: ['API_KEY'] });
    expect(JSON.stringify(taskDefinitions)).not.toContain('hunter2');
    expect(ecs.commandCalls(ListTaskDefinitionFamiliesCommand)[0]!.args[0].input).toMatchObject({ status: 'ACTIVE' });
  });
});
