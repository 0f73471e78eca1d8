import type * as SdkCodebuild from '@aws-sdk/client-codebuild';
import type * as SdkCodedeploy from '@aws-sdk/client-codedeploy';
import type * as SdkCodepipeline from '@aws-sdk/client-codepipeline';
import { defineCollector } from '../../contract/collector.js';
import { collectPages } from '../sdk.js';
import { deploymentTools } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { CodeBuildClient, paginateListProjects } = sdkModule<typeof SdkCodebuild>('@aws-sdk/client-codebuild');
const { CodeDeployClient, paginateListApplications } = sdkModule<typeof SdkCodedeploy>('@aws-sdk/client-codedeploy');
const { CodePipelineClient, paginateListPipelines } = sdkModule<typeof SdkCodepipeline>('@aws-sdk/client-codepipeline');

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
