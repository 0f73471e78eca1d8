import { protectedResources } from '../src/datasets/backup/datasets.js';
import { lifecyclePolicies } from '../src/datasets/dlm/datasets.js';
import { tables } from '../src/datasets/dynamodb/datasets.js';
import { ec2Instances, volumes } from '../src/datasets/ec2/datasets.js';
import { fileSystems } from '../src/datasets/efs/datasets.js';
import { databases } from '../src/datasets/rds/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { volumeCoverage } from './lib/backup-coverage.js';

const MESSAGES = {
  rdsNoBackups: 'Database instance {id} ({engine}) keeps no automated backups (retention 0) and AWS Backup has never backed it up.',
  dynamoNoBackups: 'DynamoDB table {name} has no point-in-time recovery and AWS Backup has never backed it up.',
  efsNoBackups: 'EFS file system {id} has automatic backups {policy} and AWS Backup has never backed it up.',
  volumeNotCovered: 'Volume {id} of running instance {instance} is covered neither by AWS Backup (the volume or its instance) nor by an enabled DLM policy.',
  allCovered: 'Every data store in {region} is backed up automatically: {summary}.',
  noDataStores: 'No RDS databases, DynamoDB tables, EFS file systems or volumes of running instances in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

export default defineCheck({
  id: 'backup-data-stores-covered',
  title: 'Databases, tables, file systems and instance volumes are backed up automatically',
  description:
    'Per region, AWS Backup\'s protected resources (ListProtectedResources: resources it has backed up) are matched against the data stores. ' +
    'An RDS instance with backup retention 0 that AWS Backup has not backed up fails (read replicas are backed up through their source, ' +
    'cluster members through their cluster). A DynamoDB table without point-in-time recovery, an EFS file system without an enabled backup ' +
    'policy, and a volume attached to a running instance warn unless AWS Backup covers them; a volume is also covered when AWS Backup backs ' +
    'up its instance (the instance\'s recovery points include its attached volumes), or an enabled DLM snapshot or AMI policy targets it or ' +
    'its instance by tag, or a DLM default policy covers it. Otherwise the region passes with the counts. That the data is the critical data, ' +
    'and where backup is the customer\'s duty, are attested.',
  requirements: { 'ftr-partner-hosted': ['BAR-001'] },
  severity: 'high',
  scope: 'region',
  uses: { databases, tables, fileSystems, volumes, instances: ec2Instances, protectedResources, policies: lifecyclePolicies },
  remediation:
    'Assign the resources to an AWS Backup plan (`aws backup create-backup-selection` with resource ARNs or tags), set an RDS backup ' +
    'retention of at least 7 days (`aws rds modify-db-instance --backup-retention-period 7`), turn on DynamoDB point-in-time recovery ' +
    '(`aws dynamodb update-continuous-backups --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`) and EFS automatic backups ' +
    '(`aws efs put-backup-policy --backup-policy Status=ENABLED`), or create a DLM policy for the volumes\' tags.',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const d = input.data;
    const covered = new Set(d.protectedResources.resources.map((r) => r.arn));
    const running = d.instances.instances.filter((i) => i.state === 'running');
    const runningIds = new Set(running.map((i) => i.instanceId));
    const rds = d.databases.instances.filter((db) => db.readReplicaSourceIdentifier === undefined && db.clusterIdentifier === undefined);
    const inUse = d.volumes.volumes.filter((v) => v.attachments.some((a) => runningIds.has(a.instanceId)));
    const uncovered: Outcome<MessageId>[] = [
      ...rds
        .filter((db) => db.backupRetentionPeriod === 0 && !covered.has(db.arn))
        .map((db): Outcome<MessageId> => ({ status: 'FAIL', messageId: 'rdsNoBackups', resource: db.arn, params: { id: db.identifier, engine: db.engine }, evidence: { instance: db } })),
      ...d.tables.tables
        .filter((t) => t.pointInTimeRecovery !== 'ENABLED' && !covered.has(t.arn))
        .map((t): Outcome<MessageId> => ({ status: 'WARN', messageId: 'dynamoNoBackups', resource: t.arn, params: { name: t.name }, evidence: { table: t } })),
      ...d.fileSystems.fileSystems
        .filter((fs) => fs.automaticBackups !== 'ENABLED' && !covered.has(fs.arn))
        .map((fs): Outcome<MessageId> => ({
          status: 'WARN',
          messageId: 'efsNoBackups',
          resource: fs.arn,
          params: { id: fs.fileSystemId, policy: fs.automaticBackups === 'NOT_SET' ? 'not set' : fs.automaticBackups.toLowerCase() },
          evidence: { fileSystem: fs },
        })),
      ...inUse
        .filter((v) => volumeCoverage(v, running, covered, d.policies.policies) === undefined)
        .map((v): Outcome<MessageId> => {
          const instance = v.attachments.find((a) => runningIds.has(a.instanceId))!.instanceId;
          return { status: 'WARN', messageId: 'volumeNotCovered', resource: v.arn, params: { id: v.volumeId, instance }, evidence: { volume: v, dlmPolicies: d.policies.policies } };
        }),
    ];
    if (uncovered.length > 0) return uncovered;
    const counts = {
      rdsInstances: rds.length,
      rdsClusters: d.databases.clusters.length,
      dynamoDbTables: d.tables.tables.length,
      efsFileSystems: d.fileSystems.fileSystems.length,
      volumesOfRunningInstances: inUse.length,
    };
    const resource = regionalArn(input, 'backup', 'backup-plan');
    if (Object.values(counts).every((n) => n === 0)) return [{ status: 'NOT_APPLICABLE', messageId: 'noDataStores', resource, params: { region: input.region } }];
    const summary = Object.entries(counts).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ');
    const coverage = Object.fromEntries(inUse.map((v) => [v.volumeId, volumeCoverage(v, running, covered, d.policies.policies)]));
    return [{ status: 'PASS', messageId: 'allCovered', resource, params: { region: input.region, summary }, evidence: { counts, volumeCoverage: coverage } }];
  },
});
