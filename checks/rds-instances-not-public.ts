import { databases } from '../src/datasets/rds/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  publiclyAccessible: 'Database instance {id} ({engine}) is publicly accessible: its endpoint resolves to a public address.',
  private: 'Database instance {id} ({engine}) is not publicly accessible.',
  noDatabases: 'No database instances in {region}.',
} as const;

export default defineCheck({
  id: 'rds-instances-not-public',
  title: 'No database instance is publicly accessible',
  description:
    'Reads every RDS database instance of each region (Aurora, Neptune and DocumentDB included, which share the RDS API). An instance ' +
    'whose PubliclyAccessible flag is set fails: a database never needs to accept traffic from the internet directly. Others pass.',
  requirements: { 'ftr-partner-hosted': ['NETSEC-002'] },
  severity: 'high',
  scope: 'region',
  uses: { databases },
  remediation:
    'Turn public access off (`aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately`) and ' +
    'reach the database from inside the VPC, through a bastion-free path such as Session Manager port forwarding.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { instances } = input.data.databases;
    if (instances.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'noDatabases', resource: regionalArn(input, 'rds', 'db'), params: { region: input.region } }];
    }
    return instances.map((db) => ({
      status: db.publiclyAccessible ? 'FAIL' : 'PASS',
      messageId: db.publiclyAccessible ? 'publiclyAccessible' : 'private',
      resource: db.arn,
      params: { id: db.identifier, engine: db.engine },
      evidence: { instance: db },
    }));
  },
});
