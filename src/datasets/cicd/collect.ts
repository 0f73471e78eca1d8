import { CodeBuildClient, paginateListProjects } from '@aws-sdk/client-codebuild';
import { CodeDeployClient, paginateListApplications } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient, paginateListPipelines } from '@aws-sdk/client-codepipeline';
import { defineCollector } from '../../contract/collector.js';
import { collectPages } from '../sdk.js';
import { deploymentTools } from './datasets.js';

const collectDeploymentTools = defineCollector(deploymentTools, async (ctx) => {
  const [pipelines, deployApplications, buildProjects] = await Promise.all([
    collectPages(paginateListPipelines({ client: ctx.clients.get(CodePipelineClient) }, { maxResults: 1000 }), (page) => page.pipelines),
    collectPages(paginateListApplications({ client: ctx.clients.get(CodeDeployClient) }, {}), (page) => page.applications),
    collectPages(paginateListProjects({ client: ctx.clients.get(CodeBuildClient) }, {}), (page) => page.projects),
  ]);
  return {
    pipelines: pipelines.flatMap((p) => (p.name ? [p.name] : [])),
    deployApplications,
    buildProjects,
  };
});

export const COLLECTORS = [collectDeploymentTools];
