import { CodeBuildClient, ListProjectsCommand } from '@aws-sdk/client-codebuild';
import { CodeDeployClient, ListApplicationsCommand } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deploymentTools } from '../../src/datasets/cicd/datasets.js';
import { awsError, collect, testContext } from './context.js';

const pipeline = mockClient(CodePipelineClient);
const deploy = mockClient(CodeDeployClient);
const build = mockClient(CodeBuildClient);
beforeEach(() => [pipeline, deploy, build].forEach((m) => m.reset()));

describe('cicd.deploymentTools', () => {
  it('lists pipelines, applications and projects, following their tokens', async () => {
    pipeline.on(ListPipelinesCommand).resolvesOnce({ pipelines: [{ name: 'p1' }], nextToken: 'n' }).resolvesOnce({ pipelines: [{ name: 'p2' }] });
    deploy.on(ListApplicationsCommand).resolves({ applications: ['web'] });
    build.on(ListProjectsCommand).resolves({ projects: ['web-build'] });
    expect(await collect(deploymentTools, testContext())).toEqual({ pipelines: ['p1', 'p2'], deployApplications: ['web'], buildProjects: ['web-build'] });
  });

  it('lets a refusal of any of them propagate', async () => {
    pipeline.on(ListPipelinesCommand).resolves({ pipelines: [] });
    deploy.on(ListApplicationsCommand).rejects(awsError('AccessDeniedException'));
    build.on(ListProjectsCommand).resolves({ projects: [] });
    await expect(collect(deploymentTools, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
