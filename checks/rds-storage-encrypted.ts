import { databases } from '../src/datasets/rds/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  unencrypted: 'Database {kind} {id} ({engine}) stores its data unencrypted.',
  encrypted: 'Database {kind} {id} ({engine}) is encrypted at rest.',
  noDatabases: 'No databases in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

export default defineCheck({
  id: 'rds-storage-encrypted',
  title: 'Databases are encrypted at rest',
  description:
    'Reads the RDS DB clusters and instances of each region (Aurora, Multi-AZ DB clusters, Neptune and DocumentDB included). A cluster, ' +
    'or an instance outside any cluster, whose storage is not encrypted fails; cluster members are judged through their cluster. ' +
    'Encrypted ones pass.',
  requirements: { 'ftr-partner-hosted': ['SDAT-002'] },
  severity: 'high',
  scope: 'region',
  uses: { databases },
  remediation:
    'RDS cannot encrypt a database in place: take a snapshot, copy it with encryption (`aws rds copy-db-snapshot --kms-key-id <key>`), ' +
    'restore from the copy and switch the application over.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { instances, clusters } = input.data.databases;
    const stores = [
      ...clusters.map((c) => ({ kind: 'cluster', id: c.identifier, arn: c.arn, engine: c.engine, encrypted: c.storageEncrypted, record: c })),
      ...instances.filter((db) => db.clusterIdentifier === undefined).map((db) => ({ kind: 'instance', id: db.identifier, arn: db.arn, engine: db.engine, encrypted: db.storageEncrypted, record: db })),
    ];
    if (stores.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noDatabases', resource: regionalArn(input, 'rds', 'db'), params: { region: input.region } }];
    return stores.map((s): Outcome<MessageId> => ({
      status: s.encrypted ? 'PASS' : 'FAIL',
      messageId: s.encrypted ? 'encrypted' : 'unencrypted',
      resource: s.arn,
      params: { kind: s.kind, id: s.id, engine: s.engine },
      evidence: { [s.kind]: s.record },
    }));
  },
});
