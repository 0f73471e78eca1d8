// CodePipeline (awsJson 1.1): the region's pipelines. The scenario slice (`cicd`) is shared with
// CodeDeploy and CodeBuild.

import { optionalNumber, paginate } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { resolveWhen } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface CicdSpec {
  pipelines?: string[];
  deployApplications?: string[];
  buildProjects?: string[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    cicd?: CicdSpec;
  }
}

function listPipelines(ctx: HandlerContext): unknown {
  const { maxResults, nextToken } = ctx.input.json as { maxResults?: number; nextToken?: string };
  const page = paginate(ctx.regionSpec.cicd?.pipelines ?? [], nextToken, optionalNumber(maxResults) ?? 100, 'InvalidNextTokenException');
  const created = epochSeconds(resolveWhen('-120d', ctx.now));
  return { pipelines: page.items.map((name) => ({ name, version: 1, pipelineType: 'V2', executionMode: 'QUEUED', created, updated: created })), nextToken: page.nextToken };
}

export const codePipeline = defineService({
  signingName: 'codepipeline',
  actionPrefix: 'codepipeline',
  protocol: awsJson('CodePipeline_20150709'),
  operations: { ListPipelines: listPipelines },
});
