// AWS Secrets Manager (awsJson 1.1): the region's secrets and whether they rotate.

import { optionalNumber, paginate, stableId } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    secrets?: { name: string; rotation?: boolean }[];
  }
}

function listSecrets(ctx: HandlerContext): unknown {
  const secrets = (ctx.regionSpec.secrets ?? []).map((s) => ({
    ARN: `arn:aws:secretsmanager:${ctx.region}:${ctx.account.id}:secret:${s.name}-${stableId(s.name, 6, 'abcdefghijklmnopqrstuvwxyzABCDEF')}`,
    Name: s.name,
    RotationEnabled: s.rotation ?? false,
    ...(s.rotation && { LastRotatedDate: epochSeconds(new Date('2026-01-01T00:00:00Z')) }),
    CreatedDate: epochSeconds(new Date('2025-01-01T00:00:00Z')),
  }));
  const page = paginate(secrets, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 100, 'InvalidNextTokenException');
  return { SecretList: page.items, NextToken: page.nextToken };
}

export const secretsManager = defineService({
  signingName: 'secretsmanager',
  actionPrefix: 'secretsmanager',
  protocol: awsJson('secretsmanager'),
  operations: { ListSecrets: listSecrets },
});
