// CodeDeploy (awsJson 1.1): application names, 100 a page.

import { paginate } from '../params.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

function listApplications(ctx: HandlerContext): unknown {
  const page = paginate(ctx.regionSpec.cicd?.deployApplications ?? [], (ctx.input.json as { nextToken?: string }).nextToken, 100, 'InvalidNextTokenException');
  return { applications: page.items, nextToken: page.nextToken };
}

export const codeDeploy = defineService({
  signingName: 'codedeploy',
  actionPrefix: 'codedeploy',
  protocol: awsJson('CodeDeploy_20141006'),
  operations: { ListApplications: listApplications },
});
