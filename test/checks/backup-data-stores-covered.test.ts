import check from '../../checks/backup-data-stores-covered.js';
import type { LifecyclePolicyInfo } from '../../src/datasets/dlm/datasets.js';
import type { Ec2Instance, VolumeInfo } from '../../src/datasets/ec2/datasets.js';
import type { DbInstanceInfo } from '../../src/datasets/rds/datasets.js';
import type { TableInfo } from '../../src/datasets/dynamodb/datasets.js';
import type { FileSystemInfo } from '../../src/datasets/efs/datasets.js';
import { instance } from '../helpers/fixtures/compute.js';
import { attachedTo, dbCluster, dbInstance, dlmPolicy, fileSystem, protectedArns, table, volume } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

interface Stores {
  dbs?: DbInstanceInfo[];
  tables?: TableInfo[];
  fileSystems?: FileSystemInfo[];
  volumes?: VolumeInfo[];
  instances?: Ec2Instance[];
  covered?: string[];
  policies?: LifecyclePolicyInfo[];
}

const REGION_ARN = 'arn:aws:backup:eu-west-1:111122223333:backup-plan';
const app = instance({ instanceId: 'i-app', tags: { Backup: 'daily' } });
const data = volume('vol-data', { attachments: attachedTo('i-app'), tags: { Tier: 'data' } });
const root = volume('vol-root', { attachments: attachedTo('i-app', '/dev/xvda') });

function stores(s: Stores) {
  return input({
    data: {
      databases: { instances: s.dbs ?? [], clusters: [] },
      tables: { tables: s.tables ?? [] },
      fileSystems: { fileSystems: s.fileSystems ?? [] },
      volumes: { volumes: s.volumes ?? [] },
      instances: { instances: s.instances ?? [app] },
      protectedResources: protectedArns(...(s.covered ?? [])),
      policies: { policies: s.policies ?? [] },
    },
  });
}

runCheckCases(check, [
  {
    name: 'RDS without automated backups and not in AWS Backup: FAIL',
    input: stores({ dbs: [dbInstance('legacy', { backupRetentionPeriod: 0 })] }),
    expected: [{ status: 'FAIL', messageId: 'rdsNoBackups', resource: dbInstance('legacy').arn }],
  },
  {
    name: 'RDS retention 0 but backed up by AWS Backup, a read replica and a cluster member: covered',
    input: {
      ...stores({
        dbs: [
          dbInstance('legacy', { backupRetentionPeriod: 0 }),
          dbInstance('replica', { backupRetentionPeriod: 0, readReplicaSourceIdentifier: 'orders' }),
          dbInstance('member', { backupRetentionPeriod: 0, clusterIdentifier: 'c1' }),
        ],
        covered: [dbInstance('legacy').arn],
      }),
    },
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN, params: { summary: '1 rdsInstances' } }],
  },
  {
    name: 'DynamoDB without PITR: WARN; with PITR, or in AWS Backup: covered',
    input: stores({ tables: [table('sessions', 'DISABLED'), table('orders'), table('audit', 'DISABLED')], covered: [table('audit').arn] }),
    expected: [{ status: 'WARN', messageId: 'dynamoNoBackups', resource: table('sessions').arn }],
  },
  {
    name: 'EFS without a backup policy or with it disabled: WARN each, unless AWS Backup has it',
    input: stores({
      fileSystems: [fileSystem('fs-1', { automaticBackups: 'NOT_SET' }), fileSystem('fs-2', { automaticBackups: 'DISABLED' }), fileSystem('fs-3', { automaticBackups: 'NOT_SET' })],
      covered: [fileSystem('fs-3').arn],
    }),
    expected: [
      { status: 'WARN', messageId: 'efsNoBackups', resource: fileSystem('fs-1').arn, params: { policy: 'not set' } },
      { status: 'WARN', messageId: 'efsNoBackups', resource: fileSystem('fs-2').arn, params: { policy: 'disabled' } },
    ],
  },
  {
    name: 'a volume of a running instance covered by nothing: WARN',
    input: stores({ volumes: [data] }),
    expected: [{ status: 'WARN', messageId: 'volumeNotCovered', resource: data.arn, params: { instance: 'i-app' } }],
  },
  {
    name: 'volumes covered through the instance\'s AWS Backup recovery points: PASS',
    input: stores({ volumes: [data, root], covered: [app.arn] }),
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN, params: { summary: '2 volumesOfRunningInstances' } }],
  },
  {
    name: 'a volume in AWS Backup itself: PASS',
    input: stores({ volumes: [data], covered: [data.arn] }),
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN }],
  },
  {
    name: 'DLM volume policy whose target tag the volume carries: PASS',
    input: stores({ volumes: [data], policies: [dlmPolicy({ targetTags: [{ key: 'Tier', value: 'data' }] })] }),
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN }],
  },
  {
    name: 'DLM instance (AMI) policy whose target tag the instance carries: PASS',
    input: stores({ volumes: [data], policies: [dlmPolicy({ policyType: 'IMAGE_MANAGEMENT', resourceTypes: ['INSTANCE'], targetTags: [{ key: 'Backup', value: 'daily' }] })] }),
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN }],
  },
  {
    name: 'DLM policies that are disabled, event-based, or target other tags cover nothing: WARN',
    input: stores({
      volumes: [data],
      policies: [
        dlmPolicy({ state: 'DISABLED', targetTags: [{ key: 'Tier', value: 'data' }] }),
        dlmPolicy({ policyType: 'EVENT_BASED_POLICY', targetTags: [{ key: 'Tier', value: 'data' }] }),
        dlmPolicy({ targetTags: [{ key: 'Tier', value: 'web' }] }),
        dlmPolicy({ resourceTypes: ['INSTANCE'], targetTags: [{ key: 'Backup', value: 'weekly' }] }),
      ],
    }),
    expected: [{ status: 'WARN', messageId: 'volumeNotCovered', resource: data.arn }],
  },
  {
    name: 'a DLM default volume policy covers every volume except its exclusions',
    input: stores({
      volumes: [data, root, volume('vol-skip', { attachments: attachedTo('i-app'), tags: { NoBackup: 'true' } }), volume('vol-st1', { attachments: attachedTo('i-app'), volumeType: 'st1' })],
      policies: [dlmPolicy({ defaultPolicy: true, exclusions: { excludeBootVolumes: true, excludeVolumeTypes: ['st1'], excludeTags: [{ key: 'NoBackup', value: 'true' }] } })],
    }),
    expected: [
      { status: 'WARN', messageId: 'volumeNotCovered', resource: root.arn },
      { status: 'WARN', messageId: 'volumeNotCovered', resource: volume('vol-skip').arn },
      { status: 'WARN', messageId: 'volumeNotCovered', resource: volume('vol-st1').arn },
    ],
  },
  {
    name: 'a DLM default instance policy covers the instance\'s volumes unless the instance is excluded',
    input: stores({
      volumes: [data],
      policies: [dlmPolicy({ defaultPolicy: true, resourceTypes: ['INSTANCE'], exclusions: { excludeTags: [{ key: 'Backup', value: 'never' }] } })],
    }),
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN }],
  },
  {
    name: 'volumes of stopped instances and unattached volumes are not judged',
    input: stores({ volumes: [volume('vol-stopped', { attachments: attachedTo('i-stopped') }), volume('vol-free', { state: 'available' })], instances: [instance({ instanceId: 'i-stopped', state: 'stopped' })], dbs: [dbInstance('orders')] }),
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN, params: { summary: '1 rdsInstances' } }],
  },
  {
    name: 'no data stores at all: NOT_APPLICABLE',
    input: { ...stores({}), data: { ...stores({}).data, databases: { instances: [], clusters: [] } } },
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noDataStores', resource: REGION_ARN }],
  },
  {
    name: 'Aurora clusters are counted as evidence',
    input: { ...stores({}), data: { ...stores({}).data, databases: { instances: [], clusters: [dbCluster('reports')] } } },
    expected: [{ status: 'PASS', messageId: 'allCovered', resource: REGION_ARN, params: { summary: '1 rdsClusters' } }],
  },
]);
