import { DescribeContinuousBackupsCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { tables } from '../../src/datasets/dynamodb/datasets.js';
import { ACCOUNT_ID, awsError, collect, REGION, testContext } from './context.js';

const dynamo = mockClient(DynamoDBClient);
beforeEach(() => dynamo.reset());

describe('dynamodb.tables', () => {
  it('pages the table names and reads point-in-time recovery; a table deleted meanwhile is dropped', async () => {
    dynamo.on(ListTablesCommand).resolvesOnce({ TableNames: ['a'], LastEvaluatedTableName: 'a' }).resolvesOnce({ TableNames: ['b', 'gone'] });
    dynamo.on(DescribeContinuousBackupsCommand, { TableName: 'a' }).resolves({ ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } } });
    dynamo.on(DescribeContinuousBackupsCommand, { TableName: 'b' }).resolves({ ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED' } });
    dynamo.on(DescribeContinuousBackupsCommand, { TableName: 'gone' }).rejects(awsError('TableNotFoundException'));
    expect(await collect(tables, testContext())).toEqual({
      tables: [
        { name: 'a', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/a`, pointInTimeRecovery: 'ENABLED' },
        { name: 'b', arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/b`, pointInTimeRecovery: 'DISABLED' },
      ],
    });
    expect(dynamo.commandCalls(ListTablesCommand)[1]!.args[0].input).toMatchObject({ ExclusiveStartTableName: 'a', Limit: 100 });
  });

  it('lets other errors propagate', async () => {
    dynamo.on(ListTablesCommand).resolves({ TableNames: ['a'] });
    dynamo.on(DescribeContinuousBackupsCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(tables, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
