import { databases } from '../src/datasets/rds/datasets.js';
import type { DbClusterInfo, DbInstanceInfo } from '../src/datasets/rds/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  singleAz: 'Database instance {id} ({engine}) runs in {zone} only, with no standby: attest that the SLA allows an Availability Zone outage.',
  multiAz: 'Database instance {id} ({engine}) {how}.',
  noDatabases: 'No database instances in {region}.',
} as const;

/** Aurora, and Neptune and DocumentDB, which share its cluster volume: storage kept in three zones. */
const CLUSTER_VOLUME = /^(aurora|neptune|docdb)/;

function redundancy(db: DbInstanceInfo, clusters: DbClusterInfo[]): string | undefined {
  if (db.multiAz) return `is Multi-AZ, with a standby in ${db.secondaryAvailabilityZone ?? 'another zone'}`;
  if (CLUSTER_VOLUME.test(db.engine)) return `is a member of cluster ${db.clusterIdentifier ?? 'unknown'}, whose storage spans three Availability Zones`;
  const cluster = clusters.find((c) => c.identifier === db.clusterIdentifier);
  if (cluster?.multiAz) return `is a member of Multi-AZ DB cluster ${cluster.identifier}`;
  return undefined;
}

export default defineCheck({
  id: 'rds-instances-multi-az',
  title: 'Databases survive the loss of an Availability Zone as the uptime target requires',
  description:
    'Reads the RDS database instances of each region. An instance that is neither Multi-AZ, nor a member of a Multi-AZ DB cluster, nor ' +
    'Aurora (or Neptune or DocumentDB, which share Aurora\'s three-zone storage) warns: whether the uptime target tolerates a zone outage is ' +
    'attested with the SLA. The others pass, naming how they are redundant.',
  requirements: { 'ftr-partner-hosted': ['RES-006'] },
  severity: 'medium',
  scope: 'region',
  uses: { databases },
  remediation:
    'Convert the instance to Multi-AZ (`aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately`), or move ' +
    'the database to Aurora or a Multi-AZ DB cluster.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { instances, clusters } = input.data.databases;
    if (instances.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'noDatabases', resource: regionalArn(input, 'rds', 'db'), params: { region: input.region } }];
    }
    return instances.map((db) => {
      const how = redundancy(db, clusters);
      const params = { id: db.identifier, engine: db.engine, zone: db.availabilityZone ?? 'one zone', how: how ?? '' };
      return how
        ? { status: 'PASS', messageId: 'multiAz', resource: db.arn, params, evidence: { instance: db } }
        : { status: 'WARN', messageId: 'singleAz', resource: db.arn, params, evidence: { instance: db } };
    });
  },
});
