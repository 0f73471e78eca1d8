// Amazon ECS datasets: the evidence shapes checks read and the declarations. The collectors that
// fetch them are in collect.ts beside this file. Collected for the checks of other areas (credentials
// in configuration, monitored workloads, infrastructure as code), which read them.

import { defineDataset } from '../../contract/dataset.js';
import type { ScannedValue } from '../secret-scan.js';

export interface EcsServiceInfo {
  arn: string;
  name: string;
  clusterArn: string;
  status?: string;
  desiredCount?: number;
  runningCount?: number;
  /** EC2, FARGATE, EXTERNAL; absent when the service uses a capacity provider strategy. */
  launchType?: string;
  taskDefinition?: string;
  subnets: string[];
  assignPublicIp?: string;
  tags: Record<string, string>;
}

export interface EcsServicesEvidence {
  clusterArns: string[];
  services: EcsServiceInfo[];
}

export interface EcsContainerInfo {
  name?: string;
  image?: string;
  /** Plain environment entries by name and short hash, never their values (secret-scan.ts). */
  environment: ScannedValue[];
  /** Variables injected from Secrets Manager or SSM Parameter Store: names only. */
  secretNames: string[];
}

export interface EcsTaskDefinitionInfo {
  arn: string;
  family: string;
  revision: number;
  status?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  containers: EcsContainerInfo[];
}

/** The latest ACTIVE revision of each family, and every revision a service runs. */
export interface EcsTaskDefinitionsEvidence {
  taskDefinitions: EcsTaskDefinitionInfo[];
}

export const ecsServices = defineDataset<EcsServicesEvidence>({
  id: 'ecs.services',
  scope: 'regional',
  actions: ['ecs:ListClusters', 'ecs:ListServices', 'ecs:DescribeServices'],
});

export const ecsTaskDefinitions = defineDataset<EcsTaskDefinitionsEvidence>({
  id: 'ecs.taskDefinitions',
  scope: 'regional',
  actions: ['ecs:ListTaskDefinitionFamilies', 'ecs:DescribeTaskDefinition'],
  dependsOn: [ecsServices],
});
