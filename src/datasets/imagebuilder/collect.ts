import type * as SdkImagebuilder from '@aws-sdk/client-imagebuilder';
import type { ComponentConfiguration, ImagePipeline } from '@aws-sdk/client-imagebuilder';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isErrorNamed, isoDate, required } from '../sdk.js';
import { imagePipelines, type ImagePipelineInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  GetContainerRecipeCommand,
  GetImageRecipeCommand,
  ImagebuilderClient,
  paginateListImagePipelines,
} = sdkModule<typeof SdkImagebuilder>('@aws-sdk/client-imagebuilder');
type ImagebuilderClient = SdkImagebuilder.ImagebuilderClient;

interface Recipe {
  components: string[];
  parentImage?: string;
}

const componentArns = (components: ComponentConfiguration[] | undefined) => (components ?? []).map((c) => required(c.componentArn, 'componentArn'));

/** A recipe deleted (or unshared) since the pipeline was built answers ResourceNotFoundException: no components known. */
async function recipeOf(client: ImagebuilderClient, arn: string, container: boolean): Promise<Recipe> {
  try {
    if (container) {
      const { containerRecipe } = await client.send(new GetContainerRecipeCommand({ containerRecipeArn: arn }));
      return { components: componentArns(containerRecipe?.components), parentImage: containerRecipe?.parentImage };
    }
    const { imageRecipe } = await client.send(new GetImageRecipeCommand({ imageRecipeArn: arn }));
    return { components: componentArns(imageRecipe?.components), parentImage: imageRecipe?.parentImage };
  } catch (err) {
    if (isErrorNamed(err, 'ResourceNotFoundException')) return { components: [] };
    throw err;
  }
}

function toPipeline(pipeline: ImagePipeline, recipes: Map<string, Recipe>): ImagePipelineInfo {
  const recipeArn = pipeline.imageRecipeArn ?? pipeline.containerRecipeArn;
  const recipe = recipeArn ? recipes.get(recipeArn) : undefined;
  return {
    arn: required(pipeline.arn, 'arn'),
    name: required(pipeline.name, 'name'),
    status: pipeline.status,
    recipeArn,
    components: recipe?.components ?? [],
    parentImage: recipe?.parentImage,
    scheduleExpression: pipeline.schedule?.scheduleExpression,
    dateLastRun: isoDate(pipeline.dateLastRun),
    lastRunStatus: pipeline.lastRunStatus,
  };
}

const collectPipelines = defineCollector(imagePipelines, async (ctx) => {
  const client = ctx.clients.get(ImagebuilderClient);
  const pipelines = await collectPages(paginateListImagePipelines({ client }, { maxResults: 25 }), (page) => page.imagePipelineList);
  // Pipelines often share a recipe: each is read once.
  const wanted = new Map<string, boolean>();
  for (const p of pipelines) {
    if (p.imageRecipeArn) wanted.set(p.imageRecipeArn, false);
    if (p.containerRecipeArn) wanted.set(p.containerRecipeArn, true);
  }
  const recipes = new Map(await Promise.all([...wanted].map(async ([arn, container]) => [arn, await recipeOf(client, arn, container)] as const)));
  return { pipelines: pipelines.map((p) => toPipeline(p, recipes)) };
});

export const COLLECTORS = [collectPipelines];
