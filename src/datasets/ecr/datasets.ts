// Amazon ECR datasets: the container image repositories of a region, which vulnerability scanning
// must cover. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface EcrRepositoriesEvidence {
  repositories: { name: string; arn: string; scanOnPush: boolean }[];
}

export const ecrRepositories = defineDataset<EcrRepositoriesEvidence>({
  id: 'ecr.repositories',
  scope: 'regional',
  actions: ['ecr:DescribeRepositories'],
});
