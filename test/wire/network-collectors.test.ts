// The network, compute, storage and resilience collectors through the scan's own client pool
// against the fake AWS: each client reaches the local server through AWS_ENDPOINT_URL (FIS and
// Resilience Hub, whose packages predate the others, included), answers become data, denials stay
// errors.

import { afterAll, describe, expect, it } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import type { CollectContext } from '../../src/contract/collector.js';
import type { DatasetDeclaration } from '../../src/contract/dataset.js';
import { autoScalingGroups } from '../../src/datasets/autoscaling/datasets.js';
import { protectedResources, restoreTests } from '../../src/datasets/backup/datasets.js';
import { deploymentTools } from '../../src/datasets/cicd/datasets.js';
import { directConnectConnections } from '../../src/datasets/directconnect/datasets.js';
import { lifecyclePolicies } from '../../src/datasets/dlm/datasets.js';
import { tables } from '../../src/datasets/dynamodb/datasets.js';
import { ebsEncryptionByDefault, flowLogs, images, launchTemplates, network, securityGroups, volumes, vpnConnections } from '../../src/datasets/ec2/datasets.js';
import { ecsServices, ecsTaskDefinitions } from '../../src/datasets/ecs/datasets.js';
import { lambdaFunctions } from '../../src/datasets/lambda/datasets.js';
import { fileSystems } from '../../src/datasets/efs/datasets.js';
import { experiments } from '../../src/datasets/fis/datasets.js';
import { imagePipelines } from '../../src/datasets/imagebuilder/datasets.js';
import { databases } from '../../src/datasets/rds/datasets.js';
import { collectorOf } from '../../src/datasets/registry.js';
import { appAssessments } from '../../src/datasets/resiliencehub/datasets.js';
import { associations } from '../../src/datasets/statemanager/datasets.js';
import { taggedResources } from '../../src/datasets/tagging/datasets.js';
import { MGMT, PROD, wireScenario } from './fixtures.js';
import { assumeInto, BASE_CREDENTIALS, useFakeAws } from './harness.js';

const REGION = 'eu-west-1';

const fake = useFakeAws(() => {
  const scenario = wireScenario();
  scenario.faults = {
    ...scenario.faults,
    throttle: [
      { action: 'ec2:DescribeSecurityGroupRules', count: 1 },
      { action: 'backup:ListProtectedResources', count: 1 },
      { action: 'dynamodb:ListTables', count: 1 },
    ],
    deny: [
      { action: 'ec2:DescribeVolumes', accountId: PROD, region: REGION },
      { action: 'fis:ListExperiments', accountId: PROD, region: REGION },
      { action: 'tag:GetResources', accountId: PROD, region: REGION },
      { action: 'ssm:ListAssociations', accountId: PROD, region: REGION, by: 'scp' },
      { action: 'elasticfilesystem:DescribeBackupPolicy', accountId: PROD, region: REGION, by: 'scp' },
    ],
  };
  return scenario;
});

const pool = createClientPool({
  settings: { concurrency: { accounts: 1, requestsInFlight: 8, perService: 4 }, retry: { mode: 'standard', maxAttempts: 4 }, timeouts: { connectMs: 2000, requestMs: 5000 } },
});
afterAll(() => pool.destroy());

async function contextFor(accountId: string): Promise<CollectContext> {
  const credentials = accountId === MGMT ? BASE_CREDENTIALS : await assumeInto(accountId);
  const clients = pool.factory({ accountId, region: REGION, credentials: async () => credentials });
  const memo = new Map<string, Promise<unknown>>();
  const ctx: CollectContext = {
    accountId,
    region: REGION,
    clients,
    settings: {} as CollectContext['settings'],
    questions: [],
    scannedAccounts: [accountId],
    dataset<T>(dataset: DatasetDeclaration<T>): Promise<T> {
      if (!memo.has(dataset.id)) memo.set(dataset.id, collectorOf(dataset).collect(ctx));
      return memo.get(dataset.id) as Promise<T>;
    },
    shared: { get: (_key, fetch) => fetch() },
  };
  return ctx;
}

const collect = async <T,>(dataset: DatasetDeclaration<T>, accountId = MGMT): Promise<T> => collectorOf(dataset).collect(await contextFor(accountId)) as Promise<T>;

describe('EC2 network and storage (ec2Query)', () => {
  it('reads security groups with their rules, retrying a throttled page', async () => {
    const { groups } = await collect(securityGroups);
    expect(groups.map((g) => [g.name, g.rules.length])).toEqual([['default', 2], ['web', 2], ['bastion', 1]]);
    expect(groups[2]!.rules[0]).toMatchObject({ isEgress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' });
    expect(groups[0]!.rules[0]).toMatchObject({ protocol: '-1', referencedGroupId: 'sg-0default000000001' });
    expect(fake().stats().errors.RequestLimitExceeded).toBeGreaterThanOrEqual(1);
  });

  it('reads subnets, the main route table without a subnet, and the NAT gateway', async () => {
    const evidence = await collect(network);
    expect(evidence.subnets.map((s) => s.availabilityZone)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1a', 'eu-west-1b']);
    expect(evidence.routeTables[0]).toMatchObject({ main: true, subnetIds: [], routes: [{ destination: '10.0.0.0/16', target: 'local' }, { destination: '0.0.0.0/0', target: 'nat-0a00000000000001' }] });
    expect(evidence.routeTables[1]!.routes[1]).toEqual({ destination: '0.0.0.0/0', target: 'igw-0a1b2c3d4e5f60001', state: 'active' });
    expect(evidence.natGateways).toEqual([expect.objectContaining({ natGatewayId: 'nat-0a00000000000001', state: 'available', availabilityMode: 'zonal' })]);
  });

  it('reads volumes with attachments, EBS encryption by default and VPN tunnels', async () => {
    const { volumes: found } = await collect(volumes);
    expect(found.map((v) => [v.volumeId, v.state, v.encrypted])).toEqual([
      ['vol-0encrypted000001', 'in-use', true],
      ['vol-0plain0000000001', 'in-use', false],
      ['vol-0orphan000000001', 'available', false],
    ]);
    expect(await collect(ebsEncryptionByDefault)).toEqual({ enabled: false });
    const { connections } = await collect(vpnConnections);
    expect(connections[0]!.tunnels.map((t) => t.status)).toEqual(['UP', 'DOWN']);
  });

  it('keeps user data out of the evidence: a hash and the names of what looks like a secret', async () => {
    const { templates } = await collect(launchTemplates);
    expect(templates[0]!.userData).toMatchObject({ bytes: 48, values: [{ name: 'DB_PASSWORD', secretName: true, accessKeyId: false, reference: false }] });
    expect(JSON.stringify(templates)).not.toContain('hunter2');
  });

  it('describes the AMIs of instances as well as of launch templates', async () => {
    const evidence = await collect(images);
    expect(evidence.images).toEqual([expect.objectContaining({ imageId: 'ami-0aaaaaaaaaaaaaaaa', ownerAlias: 'amazon', public: true })]);
    expect(evidence.unresolved).toEqual(['ami-0bbbbbbbbbbbbbbbb']);
  });

  it('reads VPCs and their flow logs', async () => {
    expect(await collect(flowLogs)).toEqual({
      vpcs: [{ vpcId: 'vpc-0a1b2c3d4e5f60001', isDefault: false }, { vpcId: 'vpc-0default00000001', isDefault: true }],
      flowLogs: [expect.objectContaining({ flowLogId: 'fl-0a00000000000001', resourceId: 'vpc-0a1b2c3d4e5f60001', destinationType: 'cloud-watch-logs', deliverStatus: 'SUCCESS' })],
    });
  });

  it('lets an IAM deny propagate as UnauthorizedOperation', async () => {
    await expect(collect(volumes, PROD)).rejects.toMatchObject({ name: 'UnauthorizedOperation' });
  });
});

describe('databases and file systems', () => {
  it('reads RDS instances and clusters (awsQuery with named list entries)', async () => {
    const { instances, clusters } = await collect(databases);
    expect(instances.map((db) => [db.identifier, db.publiclyAccessible, db.backupRetentionPeriod, db.storageEncrypted])).toEqual([
      ['orders-db', false, 7, true],
      ['legacy-db', true, 0, false],
      ['reports-1', false, 7, true],
    ]);
    expect(clusters).toEqual([expect.objectContaining({ identifier: 'reports', engine: 'aurora-postgresql', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] })]);
  });

  it('reads DynamoDB point-in-time recovery (awsJson 1.0)', async () => {
    const evidence = await collect(tables);
    expect(evidence.tables.map((t) => [t.name, t.pointInTimeRecovery])).toEqual([['orders', 'ENABLED'], ['sessions', 'DISABLED']]);
  });

  it('turns EFS PolicyNotFound into "no backup policy", and lets an SCP deny propagate', async () => {
    const evidence = await collect(fileSystems);
    expect(evidence.fileSystems.map((fs) => [fs.fileSystemId, fs.automaticBackups, fs.encrypted])).toEqual([
      ['fs-0shared000000001', 'ENABLED', true],
      ['fs-0scratch00000001', 'NOT_SET', false],
    ]);
    await expect(collect(fileSystems, PROD)).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringMatching(/service control policy/) });
  });

  it('reads Auto Scaling groups', async () => {
    const { groups } = await collect(autoScalingGroups);
    expect(groups.map((g) => [g.name, g.availabilityZones.length])).toEqual([['web', 2], ['batch', 1]]);
  });
});

describe('Lambda and ECS (for the checks of other areas)', () => {
  it('reads Lambda functions with their environment as names and hashes (restJson)', async () => {
    const { functions } = await collect(lambdaFunctions);
    expect(functions.map((f) => [f.name, f.environment.map((v) => v.name), f.vpcSubnetIds])).toEqual([
      ['thumbnailer', ['BUCKET', 'API_KEY'], ['subnet-0private000000a']],
      ['cron', [], []],
    ]);
    expect(JSON.stringify(functions)).not.toContain('not-a-real-key');
  });

  it('reads ECS services and the task definitions they and each family run (awsJson 1.1)', async () => {
    const { services } = await collect(ecsServices);
    expect(services).toEqual([expect.objectContaining({ name: 'storefront', launchType: 'FARGATE', assignPublicIp: 'DISABLED', tags: { Team: 'web' } })]);
    const { taskDefinitions } = await collect(ecsTaskDefinitions);
    expect(taskDefinitions.map((t) => [t.family, t.containers[0]!.environment.map((v) => v.name), t.containers[0]!.secretNames])).toEqual([
      ['storefront', ['LOG_LEVEL'], ['DB_PASSWORD']],
      ['batch', [], []],
    ]);
  });
});

describe('infrastructure as code and hardening associations', () => {
  it('reads Lambda and load balancer tags from the Resource Groups Tagging API (awsJson 1.1), and RDS tags from RDS', async () => {
    const { tagsByArn } = await collect(taggedResources);
    expect(Object.keys(tagsByArn).sort()).toEqual([`arn:aws:elasticloadbalancing:${REGION}:${MGMT}:loadbalancer/legacy`, `arn:aws:lambda:${REGION}:${MGMT}:function:thumbnailer`]);
    expect(Object.values(tagsByArn)[0]).toHaveProperty(['aws:cloudformation:stack-id']);
    const { clusters } = await collect(databases);
    expect(clusters[0]!.tags).toHaveProperty(['aws:cloudformation:stack-id']);
    await expect(collect(taggedResources, PROD)).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('reads State Manager associations beside the other SSM areas (the fake routes by operation), and lets an SCP deny propagate', async () => {
    const evidence = await collect(associations);
    expect(evidence.associations).toEqual([expect.objectContaining({ documentName: 'AWSEC2-ConfigureSTIG', targets: ['tag:Hardening=stig'], scheduleExpression: 'rate(7 days)', status: 'Success' })]);
    await expect(collect(associations, PROD)).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringMatching(/service control policy/) });
  });
});

describe('backups and resilience', () => {
  it('reads AWS Backup protected resources and restore tests', async () => {
    expect((await collect(protectedResources)).resources).toEqual([expect.objectContaining({ type: 'EC2', arn: expect.stringMatching(/:instance\/i-0/) })]);
    const tests = await collect(restoreTests);
    expect(tests.plans.map((p) => p.name)).toEqual(['weekly-restore']);
    expect(tests.completedJobs).toEqual([expect.objectContaining({ restoreJobId: 'restore-1', restoreTestingPlanArn: expect.stringContaining('weekly-restore') })]);
  });

  it('reads DLM policies in full', async () => {
    const { policies } = await collect(lifecyclePolicies);
    expect(policies).toEqual([expect.objectContaining({ state: 'ENABLED', resourceTypes: ['INSTANCE'], targetTags: [{ key: 'Backup', value: 'daily' }], defaultPolicy: false })]);
  });

  it('reads Direct Connect connections', async () => {
    expect((await collect(directConnectConnections)).connections).toEqual([expect.objectContaining({ connectionId: 'dxcon-wire0001', state: 'available' })]);
  });

  it('reads FIS experiments through the older FIS client, describing only recent completed ones', async () => {
    const evidence = await collect(experiments);
    expect(evidence.offered).toBe(true);
    expect(evidence.completed.map((e) => [e.id, e.actions.map((a) => a.actionId)])).toEqual([['EXPAZ0001', ['aws:ec2:stop-instances']]]);
    expect(evidence.completed[0]!.targets[0]!.filters).toEqual([{ path: 'Placement.AvailabilityZone', values: ['eu-west-1a'] }]);
    expect(evidence.otherCount).toBe(1);
    await expect(collect(experiments, PROD)).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('reads Resilience Hub assessments through the older Resilience Hub client', async () => {
    expect(await collect(appAssessments)).toMatchObject({ offered: true, successfulCount: 1, assessments: [{ status: 'Success', complianceStatus: 'PolicyMet' }] });
  });

  it('reads Image Builder pipelines with their recipe components', async () => {
    const { pipelines } = await collect(imagePipelines);
    expect(pipelines).toEqual([expect.objectContaining({ name: 'golden-al2023', status: 'ENABLED', components: [expect.stringContaining('component/stig-build-linux-high/')] })]);
  });

  it('reads CodePipeline, CodeDeploy and CodeBuild', async () => {
    expect(await collect(deploymentTools)).toEqual({ pipelines: ['deploy-web'], deployApplications: ['web'], buildProjects: ['web-build'] });
  });

  it('counted every call, including the older clients\' ones', () => {
    const actions = fake().stats().byAction;
    for (const action of ['fis:ListExperiments', 'fis:GetExperiment', 'resiliencehub:ListAppAssessments', 'imagebuilder:GetImageRecipe', 'dlm:GetLifecyclePolicy']) {
      expect(actions[action], action).toBeGreaterThan(0);
    }
    // The scan's own counting middleware sits in the older clients' stacks too.
    const counted = pool.metrics.forAccount(MGMT);
    expect(counted.fis?.requests).toBeGreaterThan(0);
    expect(counted.resiliencehub?.requests).toBeGreaterThan(0);
  });
});
