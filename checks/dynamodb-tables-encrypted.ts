import { tables } from '../src/datasets/dynamodb/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  alwaysEncrypted: 'DynamoDB encrypts every table at rest; {count} table(s) in {region}: {names}.',
  noTables: 'No DynamoDB tables in {region}.',
} as const;

export default defineCheck({
  id: 'dynamodb-tables-encrypted',
  title: 'DynamoDB tables are encrypted at rest',
  description:
    'DynamoDB encrypts all table data at rest and offers no way to turn it off (only the key differs: AWS owned, AWS managed or customer ' +
    'managed), so the region\'s tables are listed as evidence and pass. Amazon S3 likewise encrypts every new object since January 2023; ' +
    'its buckets are judged with the S3 evidence. Whether the key choice suits the data is attested.',
  requirements: { 'ftr-partner-hosted': ['SDAT-002'] },
  severity: 'low',
  scope: 'region',
  uses: { tables },
  remediation: 'Nothing to turn on. To control the key, switch a table to a customer managed KMS key: `aws dynamodb update-table --table-name <t> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key>`.',
  docsUrl: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const all = input.data.tables.tables;
    const resource = regionalArn(input, 'dynamodb', 'table');
    if (all.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noTables', resource, params: { region: input.region } }];
    const names = all.map((t) => t.name);
    return [{ status: 'PASS', messageId: 'alwaysEncrypted', resource, params: { count: all.length, region: input.region, names: names.join(', ') }, evidence: { tables: names } }];
  },
});
