// ECS (awsJson 1.1, target AmazonEC2ContainerServiceV20141113): clusters, their services (10 per
// DescribeServices call) and task definitions.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate } from '../params.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface EcsSpec {
  clusters?: { name: string; services: { name: string; family: string; publicIp?: boolean }[] }[];
  /** Task definition families (one revision each) with their containers' plain environment and secret names. */
  taskDefinitions?: { family: string; environment?: Record<string, string>; secrets?: string[] }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    ecs?: EcsSpec;
  }
}

const spec = (ctx: HandlerContext): EcsSpec => ctx.regionSpec.ecs ?? {};
const arn = (ctx: HandlerContext, resource: string) => `arn:aws:ecs:${ctx.region}:${ctx.account.id}:${resource}`;
const json = (ctx: HandlerContext) => ctx.input.json as Record<string, unknown>;

function listClusters(ctx: HandlerContext): unknown {
  const page = paginate((spec(ctx).clusters ?? []).map((c) => arn(ctx, `cluster/${c.name}`)), json(ctx).nextToken, optionalNumber(json(ctx).maxResults) ?? 100, 'InvalidParameterException');
  return { clusterArns: page.items, nextToken: page.nextToken };
}

function clusterOf(ctx: HandlerContext) {
  const wanted = (json(ctx).cluster as string | undefined) ?? 'default';
  const cluster = (spec(ctx).clusters ?? []).find((c) => c.name === wanted || arn(ctx, `cluster/${c.name}`) === wanted);
  if (!cluster) throw new FakeAwsError('ClusterNotFoundException', 400, 'Cluster not found.');
  return cluster;
}

function listServices(ctx: HandlerContext): unknown {
  const cluster = clusterOf(ctx);
  const page = paginate(cluster.services.map((s) => arn(ctx, `service/${cluster.name}/${s.name}`)), json(ctx).nextToken, optionalNumber(json(ctx).maxResults) ?? 10, 'InvalidParameterException');
  return { serviceArns: page.items, nextToken: page.nextToken };
}

function describeServices(ctx: HandlerContext): unknown {
  const cluster = clusterOf(ctx);
  const wanted = (json(ctx).services as string[]) ?? [];
  if (wanted.length > 10) throw new FakeAwsError('InvalidParameterException', 400, 'services can have at most 10 items.');
  const found = cluster.services.filter((s) => wanted.includes(arn(ctx, `service/${cluster.name}/${s.name}`)) || wanted.includes(s.name));
  return {
    services: found.map((s) => ({
      serviceArn: arn(ctx, `service/${cluster.name}/${s.name}`),
      serviceName: s.name,
      clusterArn: arn(ctx, `cluster/${cluster.name}`),
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 2,
      launchType: 'FARGATE',
      taskDefinition: arn(ctx, `task-definition/${s.family}:1`),
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0private000000a', 'subnet-0private000000b'], assignPublicIp: s.publicIp ? 'ENABLED' : 'DISABLED' } },
      tags: [{ key: 'Team', value: 'web' }],
    })),
    failures: [],
  };
}

function listTaskDefinitionFamilies(ctx: HandlerContext): unknown {
  const page = paginate((spec(ctx).taskDefinitions ?? []).map((t) => t.family), json(ctx).nextToken, optionalNumber(json(ctx).maxResults) ?? 100, 'InvalidParameterException');
  return { families: page.items, nextToken: page.nextToken };
}

function describeTaskDefinition(ctx: HandlerContext): unknown {
  const wanted = json(ctx).taskDefinition as string;
  const family = wanted.replace(/^arn:.*:task-definition\//, '').replace(/:\d+$/, '');
  const td = (spec(ctx).taskDefinitions ?? []).find((t) => t.family === family);
  if (!td) throw new FakeAwsError('ClientException', 400, 'Unable to describe task definition.');
  return {
    taskDefinition: {
      taskDefinitionArn: arn(ctx, `task-definition/${td.family}:1`),
      family: td.family,
      revision: 1,
      status: 'ACTIVE',
      taskRoleArn: `arn:aws:iam::${ctx.account.id}:role/${td.family}-task`,
      networkMode: 'awsvpc',
      containerDefinitions: [
        {
          name: td.family,
          image: `${ctx.account.id}.dkr.ecr.${ctx.region}.amazonaws.com/${td.family}:latest`,
          environment: Object.entries(td.environment ?? {}).map(([name, value]) => ({ name, value })),
          secrets: (td.secrets ?? []).map((name) => ({ name, valueFrom: `arn:aws:secretsmanager:${ctx.region}:${ctx.account.id}:secret:${name}` })),
        },
      ],
    },
  };
}

export const ecs = defineService({
  signingName: 'ecs',
  actionPrefix: 'ecs',
  protocol: awsJson('AmazonEC2ContainerServiceV20141113'),
  operations: {
    ListClusters: listClusters,
    ListServices: listServices,
    DescribeServices: describeServices,
    ListTaskDefinitionFamilies: listTaskDefinitionFamilies,
    DescribeTaskDefinition: describeTaskDefinition,
  },
});
