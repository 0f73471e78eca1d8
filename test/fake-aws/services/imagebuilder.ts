// EC2 Image Builder (restJson 1): image pipelines and the recipes they build.

import { FakeAwsError } from '../errors.js';
import { paginate } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { resolveWhen } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface ImagePipelineSpec {
  name: string;
  status?: 'ENABLED' | 'DISABLED';
  /** Component names, e.g. `stig-build-linux-high` (an Amazon-managed component). */
  components?: string[];
  container?: boolean;
}

declare module '../scenario.js' {
  interface RegionSpec {
    imageBuilder?: ImagePipelineSpec[];
  }
}

const pipelinesOf = (ctx: HandlerContext) => ctx.regionSpec.imageBuilder ?? [];
const recipeArn = (ctx: HandlerContext, p: ImagePipelineSpec) =>
  `arn:aws:imagebuilder:${ctx.region}:${ctx.account.id}:${p.container ? 'container-recipe' : 'image-recipe'}/${p.name}-recipe/1.0.0`;

function listImagePipelines(ctx: HandlerContext): unknown {
  const { maxResults, nextToken } = ctx.input.json as { maxResults?: number; nextToken?: string };
  if (maxResults !== undefined && (maxResults < 1 || maxResults > 25)) throw new FakeAwsError('InvalidRequestException', 400, 'maxResults must be between 1 and 25');
  const page = paginate(pipelinesOf(ctx), nextToken, maxResults ?? 25, 'InvalidPaginationTokenException');
  return {
    imagePipelineList: page.items.map((p) => ({
      arn: `arn:aws:imagebuilder:${ctx.region}:${ctx.account.id}:image-pipeline/${p.name}`,
      name: p.name,
      platform: 'Linux',
      status: p.status ?? 'ENABLED',
      [p.container ? 'containerRecipeArn' : 'imageRecipeArn']: recipeArn(ctx, p),
      schedule: { scheduleExpression: 'cron(0 0 ? * 1 *)', pipelineExecutionStartCondition: 'EXPRESSION_MATCH_ONLY' },
      dateCreated: resolveWhen('-300d', ctx.now).toISOString(),
      dateLastRun: resolveWhen('-6d', ctx.now).toISOString(),
      lastRunStatus: 'AVAILABLE',
    })),
    nextToken: page.nextToken,
  };
}

function recipe(ctx: HandlerContext, param: string): { spec: ImagePipelineSpec; arn: string } {
  const arn = ctx.input.form.get(param) ?? '';
  const spec = pipelinesOf(ctx).find((p) => recipeArn(ctx, p) === arn);
  if (!spec) throw new FakeAwsError('ResourceNotFoundException', 404, `The resource ARN '${arn}' does not exist.`);
  return { spec, arn };
}

const components = (ctx: HandlerContext, p: ImagePipelineSpec) =>
  (p.components ?? []).map((name) => ({ componentArn: `arn:aws:imagebuilder:${ctx.region}:aws:component/${name}/x.x.x` }));

function getImageRecipe(ctx: HandlerContext): unknown {
  const { spec, arn } = recipe(ctx, 'imageRecipeArn');
  return {
    imageRecipe: {
      arn,
      type: 'AMI',
      name: `${spec.name}-recipe`,
      version: '1.0.0',
      platform: 'Linux',
      owner: ctx.account.id,
      components: components(ctx, spec),
      parentImage: `arn:aws:imagebuilder:${ctx.region}:aws:image/amazon-linux-2023-x86/x.x.x`,
    },
  };
}

function getContainerRecipe(ctx: HandlerContext): unknown {
  const { spec, arn } = recipe(ctx, 'containerRecipeArn');
  return {
    containerRecipe: {
      arn,
      containerType: 'DOCKER',
      name: `${spec.name}-recipe`,
      version: '1.0.0',
      platform: 'Linux',
      owner: ctx.account.id,
      components: components(ctx, spec),
      parentImage: 'amazonlinux:2023',
    },
  };
}

export const imageBuilder = defineService({
  signingName: 'imagebuilder',
  actionPrefix: 'imagebuilder',
  protocol: restJson,
  operations: {
    ListImagePipelines: { http: 'POST /ListImagePipelines', handler: listImagePipelines },
    GetImageRecipe: { http: 'GET /GetImageRecipe', handler: getImageRecipe },
    GetContainerRecipe: { http: 'GET /GetContainerRecipe', handler: getContainerRecipe },
  },
});
