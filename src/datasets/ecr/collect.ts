import type * as SdkEcr from '@aws-sdk/client-ecr';
import { defineCollector } from '../../contract/collector.js';
import { ecrRepositories } from './datasets.js';
import { collectPages, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { ECRClient, paginateDescribeRepositories } = sdkModule<typeof SdkEcr>('@aws-sdk/client-ecr');

const collectRepositories = defineCollector(ecrRepositories, async (ctx) => {
  const client = ctx.clients.get(ECRClient);
  const repositories = await collectPages(paginateDescribeRepositories({ client }, {}), (page) => page.repositories);
  return {
    repositories: repositories.map((r) => ({
      name: required(r.repositoryName, 'Repository.repositoryName'),
      arn: required(r.repositoryArn, 'Repository.repositoryArn'),
      scanOnPush: r.imageScanningConfiguration?.scanOnPush === true,
    })),
  };
});

export const COLLECTORS = [collectRepositories];
