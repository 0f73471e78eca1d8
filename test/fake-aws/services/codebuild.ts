// CodeBuild (awsJson 1.1): project names, 100 a page.

import { paginate } from '../params.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

function listProjects(ctx: HandlerContext): unknown {
  const page = paginate(ctx.regionSpec.cicd?.buildProjects ?? [], (ctx.input.json as { nextToken?: string }).nextToken, 100, 'InvalidInputException');
  return { projects: page.items, nextToken: page.nextToken };
}

export const codeBuild = defineService({
  signingName: 'codebuild',
  actionPrefix: 'codebuild',
  protocol: awsJson('CodeBuild_20161006'),
  operations: { ListProjects: listProjects },
});
