// EC2 Image Builder datasets: the evidence shapes checks read and the declarations. The collectors
// that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ImagePipelineInfo {
  arn: string;
  name: string;
  /** ENABLED or DISABLED. */
  status?: string;
  /** The image or container recipe the pipeline builds. */
  recipeArn?: string;
  /** The recipe's components (ARNs): hardening ones are named like `stig-build-linux-high` or come from CIS. */
  components: string[];
  /** The recipe's parent image: an AMI ID, an Image Builder image ARN, or a container base image. */
  parentImage?: string;
  scheduleExpression?: string;
  dateLastRun?: string;
  lastRunStatus?: string;
}

export interface ImagePipelinesEvidence {
  pipelines: ImagePipelineInfo[];
}

export const imagePipelines = defineDataset<ImagePipelinesEvidence>({
  id: 'imagebuilder.pipelines',
  scope: 'regional',
  actions: ['imagebuilder:ListImagePipelines', 'imagebuilder:GetImageRecipe', 'imagebuilder:GetContainerRecipe'],
});
