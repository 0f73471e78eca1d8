// Amazon DynamoDB datasets: the evidence shapes checks read and the declarations. The collectors
// that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface TableInfo {
  name: string;
  arn: string;
  /** Point-in-time recovery: ENABLED or DISABLED. */
  pointInTimeRecovery: string;
}

/** DynamoDB encrypts every table at rest; only the key differs, so encryption is not read per table. */
export interface TablesEvidence {
  tables: TableInfo[];
}

export const tables = defineDataset<TablesEvidence>({
  id: 'dynamodb.tables',
  scope: 'regional',
  actions: ['dynamodb:ListTables', 'dynamodb:DescribeContinuousBackups'],
});
