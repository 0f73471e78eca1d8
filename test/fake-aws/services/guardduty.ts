// GuardDuty (restJson 1): detectors of the region and their administrator account.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface GuardDutySpec {
  detectorId?: string;
  status?: 'ENABLED' | 'DISABLED';
  administrator?: { accountId: string; relationshipStatus?: string };
}

declare module '../scenario.js' {
  interface RegionSpec {
    guardDuty?: GuardDutySpec;
  }
}

function detectorIdOf(ctx: HandlerContext, spec: GuardDutySpec): string {
  return spec.detectorId ?? stableId(`${ctx.account.id}/${ctx.region}`, 32);
}

function detector(ctx: HandlerContext): GuardDutySpec {
  const spec = ctx.regionSpec.guardDuty;
  const id = ctx.input.pathParams.detectorId;
  if (!spec || detectorIdOf(ctx, spec) !== id) {
    throw new FakeAwsError('BadRequestException', 400, `The request is rejected because the input detectorId is not owned by the current account.`);
  }
  return spec;
}

function listDetectors(ctx: HandlerContext): unknown {
  const spec = ctx.regionSpec.guardDuty;
  const ids = spec ? [detectorIdOf(ctx, spec)] : [];
  const page = paginate(ids, ctx.input.form.get('nextToken') ?? undefined, optionalNumber(ctx.input.form.get('maxResults')) ?? 50, 'BadRequestException');
  return { detectorIds: page.items, nextToken: page.nextToken };
}

function getDetector(ctx: HandlerContext): unknown {
  const spec = detector(ctx);
  const created = new Date('2024-05-01T00:00:00Z').toISOString();
  return {
    createdAt: created,
    updatedAt: created,
    findingPublishingFrequency: 'SIX_HOURS',
    serviceRole: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    status: spec.status ?? 'ENABLED',
    tags: {},
  };
}

function getAdministratorAccount(ctx: HandlerContext): unknown {
  const admin = detector(ctx).administrator;
  if (!admin) return {};
  return {
    administrator: {
      accountId: admin.accountId,
      invitationId: stableId(`${admin.accountId}/${ctx.account.id}`, 32),
      relationshipStatus: admin.relationshipStatus ?? 'Enabled',
      invitedAt: new Date('2024-05-01T00:00:00Z').toISOString(),
    },
  };
}

export const guardDuty = defineService({
  signingName: 'guardduty',
  actionPrefix: 'guardduty',
  protocol: restJson,
  operations: {
    ListDetectors: { http: 'GET /detector', handler: listDetectors },
    GetDetector: { http: 'GET /detector/{detectorId}', handler: getDetector },
    GetAdministratorAccount: { http: 'GET /detector/{detectorId}/administrator', handler: getAdministratorAccount },
  },
});
