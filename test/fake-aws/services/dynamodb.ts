// DynamoDB (awsJson 1.0, target DynamoDB_20120810): table names and point-in-time recovery.

import { FakeAwsError } from '../errors.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface DynamoTableSpec {
  name: string;
  pitr?: boolean;
}

declare module '../scenario.js' {
  interface RegionSpec {
    dynamodb?: DynamoTableSpec[];
  }
}

const tablesOf = (ctx: HandlerContext) => ctx.regionSpec.dynamodb ?? [];

/** Pages by the last table name returned, as DynamoDB does. */
function listTables(ctx: HandlerContext): unknown {
  const { ExclusiveStartTableName: start, Limit: limit } = ctx.input.json as { ExclusiveStartTableName?: string; Limit?: number };
  const names = tablesOf(ctx).map((t) => t.name).sort();
  const from = start === undefined ? 0 : names.findIndex((n) => n > start);
  const page = from < 0 ? [] : names.slice(from, from + (limit ?? 100));
  const more = from >= 0 && from + page.length < names.length;
  return { TableNames: page, LastEvaluatedTableName: more ? page.at(-1) : undefined };
}

function describeContinuousBackups(ctx: HandlerContext): unknown {
  const name = ctx.input.json.TableName as string;
  const table = tablesOf(ctx).find((t) => t.name === name);
  if (!table) throw new FakeAwsError('TableNotFoundException', 400, `Table not found: ${name}`);
  const status = table.pitr ? 'ENABLED' : 'DISABLED';
  return { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: status } } };
}

export const dynamoDb = defineService({
  signingName: 'dynamodb',
  actionPrefix: 'dynamodb',
  protocol: awsJson('DynamoDB_20120810'),
  operations: { ListTables: listTables, DescribeContinuousBackups: describeContinuousBackups },
});
