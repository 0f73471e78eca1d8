// GuardDuty (restJson 1): detectors of the region and their administrator account.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface GuardDutySpec {
  detectorId?: string;
  status?: 'ENABLED' | 'DISABLED';
  administrator?: { accountId: string; relationshipStatus?: string };
  /** Protection plans turned on besides the foundational ones (e.g. RUNTIME_MONITORING). */
  features?: string[];
  /** Runtime Monitoring coverage: resources whose agent reports, and those whose agent does not. */
  coverage?: { healthy: number; unhealthy: number; byType?: Partial<Record<'EC2' | 'ECS' | 'EKS', number>> };
}

declare module '../scenario.js' {
  interface RegionSpec {
    guardDuty?: GuardDutySpec;
  }
}

const FOUNDATIONAL = ['CLOUD_TRAIL', 'DNS_LOGS', 'FLOW_LOGS'];
const OPTIONAL = ['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS', 'RUNTIME_MONITORING', 'EKS_RUNTIME_MONITORING'];

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
    features: [...FOUNDATIONAL, ...OPTIONAL].map((name) => ({
      name,
      status: FOUNDATIONAL.includes(name) || (spec.features ?? []).includes(name) ? 'ENABLED' : 'DISABLED',
      // A timestamp member: epoch seconds in restJson (createdAt and updatedAt above are strings).
      updatedAt: Date.parse(created) / 1000,
    })),
    tags: {},
  };
}

function getCoverageStatistics(ctx: HandlerContext): unknown {
  const coverage = detector(ctx).coverage ?? { healthy: 0, unhealthy: 0 };
  const types = (ctx.input.json.statisticsType ?? []) as string[];
  return {
    coverageStatistics: {
      ...(types.includes('COUNT_BY_COVERAGE_STATUS') && { countByCoverageStatus: { HEALTHY: coverage.healthy, UNHEALTHY: coverage.unhealthy } }),
      ...(types.includes('COUNT_BY_RESOURCE_TYPE') && { countByResourceType: coverage.byType ?? { EC2: coverage.healthy + coverage.unhealthy } }),
    },
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
    GetCoverageStatistics: { http: 'POST /detector/{detectorId}/coverage/statistics', handler: getCoverageStatistics },
  },
});
