// Amazon ECR (awsJson 1.1): the region's image repositories.

import { optionalNumber, paginate } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    ecrRepositories?: string[];
  }
}

function describeRepositories(ctx: HandlerContext): unknown {
  const repositories = (ctx.regionSpec.ecrRepositories ?? []).map((name) => ({
    repositoryArn: `arn:aws:ecr:${ctx.region}:${ctx.account.id}:repository/${name}`,
    registryId: ctx.account.id,
    repositoryName: name,
    repositoryUri: `${ctx.account.id}.dkr.ecr.${ctx.region}.amazonaws.com/${name}`,
    createdAt: epochSeconds(new Date('2025-06-01T00:00:00Z')),
    imageScanningConfiguration: { scanOnPush: false },
  }));
  const page = paginate(repositories, ctx.input.json.nextToken, optionalNumber(ctx.input.json.maxResults) ?? 100, 'InvalidParameterException');
  return { repositories: page.items, nextToken: page.nextToken };
}

export const ecr = defineService({
  signingName: 'ecr',
  actionPrefix: 'ecr',
  protocol: awsJson('AmazonEC2ContainerRegistry_V20150921'),
  operations: { DescribeRepositories: describeRepositories },
});
