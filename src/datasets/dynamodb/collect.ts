import type * as SdkDynamodb from '@aws-sdk/client-dynamodb';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isErrorNamed, resourceArn } from '../sdk.js';
import { tables, type TableInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeContinuousBackupsCommand,
  DynamoDBClient,
  paginateListTables,
} = sdkModule<typeof SdkDynamodb>('@aws-sdk/client-dynamodb');
type DynamoDBClient = SdkDynamodb.DynamoDBClient;

/** A table deleted between the listing and this call answers TableNotFoundException: it is gone, not an error. */
async function tableOf(client: DynamoDBClient, name: string, ctx: { region: string; accountId: string }): Promise<TableInfo | undefined> {
  try {
    const out = await client.send(new DescribeContinuousBackupsCommand({ TableName: name }));
    const status = out.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ?? 'DISABLED';
    return { name, arn: resourceArn(ctx, 'dynamodb', `table/${name}`), pointInTimeRecovery: status };
  } catch (err) {
    if (isErrorNamed(err, 'TableNotFoundException')) return undefined;
    throw err;
  }
}

const collectTables = defineCollector(tables, async (ctx) => {
  const client = ctx.clients.get(DynamoDBClient);
  const names = await collectPages(paginateListTables({ client }, { Limit: 100 }), (page) => page.TableNames);
  const found = await Promise.all(names.map((name) => tableOf(client, name, ctx)));
  return { tables: found.filter((t): t is TableInfo => t !== undefined) };
});

export const COLLECTORS = [collectTables];
