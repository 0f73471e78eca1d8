// AWS CodePipeline, CodeDeploy and CodeBuild, read together as evidence of automated deployment:
// the evidence shape checks read and the declaration. The collector is in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface DeploymentToolsEvidence {
  /** CodePipeline pipeline names. */
  pipelines: string[];
  /** CodeDeploy application names. */
  deployApplications: string[];
  /** CodeBuild project names. */
  buildProjects: string[];
}

export const deploymentTools = defineDataset<DeploymentToolsEvidence>({
  id: 'cicd.deploymentTools',
  scope: 'regional',
  actions: ['codepipeline:ListPipelines', 'codedeploy:ListApplications', 'codebuild:ListProjects'],
});
