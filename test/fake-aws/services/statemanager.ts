// Systems Manager State Manager (awsJson 1.1, target AmazonSSM, signing name ssm): ListAssociations,
// 50 a page at most. Other SSM operations live in their own file; the registry routes by operation.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface AssociationSpec {
  id: string;
  document: string;
  /** Default `InstanceIds=*`. */
  targets?: { key: string; values: string[] }[];
  schedule?: string;
  status?: 'Success' | 'Failed' | 'Pending';
}

declare module '../scenario.js' {
  interface RegionSpec {
    ssmAssociations?: AssociationSpec[];
  }
}

function listAssociations(ctx: HandlerContext): unknown {
  const { MaxResults, NextToken } = ctx.input.json as { MaxResults?: number; NextToken?: string };
  const size = optionalNumber(MaxResults) ?? 50;
  if (size < 1 || size > 50) throw new FakeAwsError('ValidationException', 400, "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
  const page = paginate(ctx.regionSpec.ssmAssociations ?? [], NextToken, size, 'InvalidNextToken');
  return {
    Associations: page.items.map((a) => ({
      AssociationId: a.id,
      AssociationName: `${a.document}-association`,
      Name: a.document,
      Targets: (a.targets ?? [{ key: 'InstanceIds', values: ['*'] }]).map((t) => ({ Key: t.key, Values: t.values })),
      ScheduleExpression: a.schedule ?? 'rate(30 days)',
      LastExecutionDate: epochSeconds(new Date('2026-11-01T00:00:00Z')),
      Overview: { Status: a.status ?? 'Success' },
    })),
    NextToken: page.nextToken,
  };
}

export const stateManager = defineService({
  signingName: 'ssm',
  actionPrefix: 'ssm',
  protocol: awsJson('AmazonSSM'),
  operations: { ListAssociations: listAssociations },
});
