import type * as SdkEcs from '@aws-sdk/client-ecs';
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, required, tagMap } from '../sdk.js';
import { scanVariables } from '../secret-scan.js';
import { ecsServices, ecsTaskDefinitions, type EcsServiceInfo, type EcsTaskDefinitionInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitionFamilies,
} = sdkModule<typeof SdkEcs>('@aws-sdk/client-ecs');
type ECSClient = SdkEcs.ECSClient;

/** DescribeServices takes at most 10 services a call. */
const DESCRIBE_BATCH = 10;

function toService(service: Service): EcsServiceInfo {
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  return {
    arn: required(service.serviceArn, 'serviceArn'),
    name: required(service.serviceName, 'serviceName'),
    clusterArn: required(service.clusterArn, 'clusterArn'),
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    launchType: service.launchType,
    taskDefinition: service.taskDefinition,
    subnets: vpc?.subnets ?? [],
    assignPublicIp: vpc?.assignPublicIp,
    tags: tagMap(service.tags?.map((t) => ({ Key: t.key, Value: t.value }))),
  };
}

async function servicesOf(client: ECSClient, cluster: string): Promise<Service[]> {
  // ListServices defaults to 10 a page; 100 is its largest.
  const arns = await collectPages(paginateListServices({ client }, { cluster, maxResults: 100 }), (page) => page.serviceArns);
  const batches = Array.from({ length: Math.ceil(arns.length / DESCRIBE_BATCH) }, (_, i) => arns.slice(i * DESCRIBE_BATCH, (i + 1) * DESCRIBE_BATCH));
  const described = await Promise.all(batches.map((services) => client.send(new DescribeServicesCommand({ cluster, services, include: ['TAGS'] }))));
  return described.flatMap((out) => out.services ?? []);
}

const collectServices = defineCollector(ecsServices, async (ctx) => {
  const client = ctx.clients.get(ECSClient);
  const clusterArns = await collectPages(paginateListClusters({ client }, { maxResults: 100 }), (page) => page.clusterArns);
  const services = (await Promise.all(clusterArns.map((cluster) => servicesOf(client, cluster)))).flat();
  return { clusterArns, services: services.map(toService) };
});

function toTaskDefinition(td: TaskDefinition): EcsTaskDefinitionInfo {
  return {
    arn: required(td.taskDefinitionArn, 'taskDefinitionArn'),
    family: required(td.family, 'family'),
    revision: required(td.revision, 'revision'),
    status: td.status,
    taskRoleArn: td.taskRoleArn,
    executionRoleArn: td.executionRoleArn,
    containers: (td.containerDefinitions ?? []).map((c) => ({
      name: c.name,
      image: c.image,
      environment: scanVariables(Object.fromEntries((c.environment ?? []).map((e) => [e.name ?? '', e.value ?? '']))),
      secretNames: (c.secrets ?? []).flatMap((s) => (s.name ? [s.name] : [])),
    })),
  };
}

const collectTaskDefinitions = defineCollector(ecsTaskDefinitions, async (ctx) => {
  const client = ctx.clients.get(ECSClient);
  const [families, { services }] = await Promise.all([
    collectPages(paginateListTaskDefinitionFamilies({ client }, { status: 'ACTIVE', maxResults: 100 }), (page) => page.families),
    ctx.dataset(ecsServices),
  ]);
  // A family name resolves to its latest ACTIVE revision; services may run older ones.
  const wanted = [...new Set([...families, ...services.flatMap((s) => (s.taskDefinition ? [s.taskDefinition] : []))])];
  const described = await Promise.all(wanted.map(async (taskDefinition) => (await client.send(new DescribeTaskDefinitionCommand({ taskDefinition }))).taskDefinition));
  const unique = new Map(described.flatMap((td) => (td ? [[required(td.taskDefinitionArn, 'taskDefinitionArn'), td] as const] : [])));
  return { taskDefinitions: [...unique.values()].map(toTaskDefinition) };
});

export const COLLECTORS = [collectServices, collectTaskDefinitions];
