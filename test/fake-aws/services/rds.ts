// RDS (awsQuery, 2014-10-31): DB instances and clusters. RDS names its list entries itself
// (`<DBInstances><DBInstance>`), and pages with Marker / MaxRecords (20–100).

import { FakeAwsError } from '../errors.js';
import { paginate } from '../params.js';
import { awsQuery } from '../protocols/query.js';
import { namedEntries } from '../protocols/xml.js';
import { defineService, type HandlerContext } from '../service.js';

export interface DbInstanceSpec {
  id: string;
  engine?: string;
  /** Default 7. */
  backupRetention?: number;
  multiAz?: boolean;
  public?: boolean;
  /** Default true. */
  encrypted?: boolean;
  cluster?: string;
  replicaOf?: string;
  tags?: Record<string, string>;
}

export interface DbClusterSpec {
  id: string;
  engine?: string;
  multiAz?: boolean;
  encrypted?: boolean;
  /** Zone suffixes; default a, b, c. */
  zones?: string[];
  tags?: Record<string, string>;
}

declare module '../scenario.js' {
  interface RegionSpec {
    rds?: { instances?: DbInstanceSpec[]; clusters?: DbClusterSpec[] };
  }
}

function records(ctx: HandlerContext): number {
  const raw = ctx.input.form.get('MaxRecords');
  const size = raw === null ? 100 : Number(raw);
  if (!(size >= 20 && size <= 100)) throw new FakeAwsError('InvalidParameterValue', 400, `Invalid value ${raw} for MaxRecords. Must be between 20 and 100`);
  return size;
}

/** RDS returns tags in the describe answers: `<TagList><Tag><Key/><Value/></Tag></TagList>`. */
const tagList = (tags: Record<string, string> = {}) => namedEntries('Tag', Object.entries(tags).map(([Key, Value]) => ({ Key, Value })));

const arn = (ctx: HandlerContext, kind: string, id: string) => `arn:aws:rds:${ctx.region}:${ctx.account.id}:${kind}:${id}`;

function describeDBInstances(ctx: HandlerContext): unknown {
  const page = paginate(ctx.regionSpec.rds?.instances ?? [], ctx.input.form.get('Marker'), records(ctx), 'InvalidParameterValue');
  return {
    DBInstances: namedEntries(
      'DBInstance',
      page.items.map((db) => ({
        DBInstanceIdentifier: db.id,
        DBInstanceArn: arn(ctx, 'db', db.id),
        Engine: db.engine ?? 'postgres',
        DBInstanceStatus: 'available',
        BackupRetentionPeriod: db.backupRetention ?? 7,
        MultiAZ: db.multiAz ?? false,
        PubliclyAccessible: db.public ?? false,
        StorageEncrypted: db.encrypted ?? true,
        AvailabilityZone: `${ctx.region}a`,
        SecondaryAvailabilityZone: db.multiAz ? `${ctx.region}b` : undefined,
        DBClusterIdentifier: db.cluster,
        ReadReplicaSourceDBInstanceIdentifier: db.replicaOf,
        TagList: tagList(db.tags),
      })),
    ),
    Marker: page.nextToken,
  };
}

function describeDBClusters(ctx: HandlerContext): unknown {
  const page = paginate(ctx.regionSpec.rds?.clusters ?? [], ctx.input.form.get('Marker'), records(ctx), 'InvalidParameterValue');
  return {
    DBClusters: namedEntries(
      'DBCluster',
      page.items.map((c) => ({
        DBClusterIdentifier: c.id,
        DBClusterArn: arn(ctx, 'cluster', c.id),
        Engine: c.engine ?? 'aurora-postgresql',
        Status: 'available',
        BackupRetentionPeriod: 7,
        MultiAZ: c.multiAz ?? true,
        StorageEncrypted: c.encrypted ?? true,
        AvailabilityZones: namedEntries('AvailabilityZone', (c.zones ?? ['a', 'b', 'c']).map((z) => `${ctx.region}${z}`)),
        TagList: tagList(c.tags),
      })),
    ),
    Marker: page.nextToken,
  };
}

export const rds = defineService({
  signingName: 'rds',
  actionPrefix: 'rds',
  protocol: awsQuery('http://rds.amazonaws.com/doc/2014-10-31/'),
  operations: { DescribeDBInstances: describeDBInstances, DescribeDBClusters: describeDBClusters },
});
