// IAM Access Analyzer (restJson 1): the region's analyzers and their findings (ListFindingsV2, with
// the resourceType filter). A region where none is set up answers an empty list.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, requiredString } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface AnalyzerFindingSpec {
  resourceArn: string;
  resourceType: string;
  status?: 'ACTIVE' | 'ARCHIVED' | 'RESOLVED';
  findingType?: string;
}

export interface AnalyzerSpec {
  name: string;
  type: 'ACCOUNT' | 'ORGANIZATION' | 'ACCOUNT_UNUSED_ACCESS' | 'ORGANIZATION_UNUSED_ACCESS' | 'ACCOUNT_INTERNAL_ACCESS';
  status?: 'ACTIVE' | 'CREATING' | 'DISABLED' | 'FAILED';
  findings?: AnalyzerFindingSpec[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    accessAnalyzers?: AnalyzerSpec[];
  }
}

const CREATED = '2024-06-01T00:00:00.000Z';

const analyzerArn = (ctx: HandlerContext, name: string) => `arn:aws:access-analyzer:${ctx.region}:${ctx.account.id}:analyzer/${name}`;

function listAnalyzers(ctx: HandlerContext): unknown {
  const type = ctx.input.form.get('type');
  const analyzers = (ctx.regionSpec.accessAnalyzers ?? [])
    .filter((a) => !type || a.type === type)
    .map((a) => ({ arn: analyzerArn(ctx, a.name), name: a.name, type: a.type, status: a.status ?? 'ACTIVE', createdAt: CREATED }));
  const page = paginate(analyzers, ctx.input.form.get('nextToken') ?? undefined, optionalNumber(ctx.input.form.get('maxResults')) ?? 100, 'ValidationException');
  return { analyzers: page.items, nextToken: page.nextToken };
}

interface Criterion {
  eq?: string[];
}

function listFindingsV2(ctx: HandlerContext): unknown {
  const arn = requiredString(ctx.input.json.analyzerArn, 'analyzerArn');
  const analyzer = (ctx.regionSpec.accessAnalyzers ?? []).find((a) => analyzerArn(ctx, a.name) === arn);
  if (!analyzer) throw new FakeAwsError('ResourceNotFoundException', 404, `Analyzer ${arn} not found.`);
  const filter = (ctx.input.json.filter ?? {}) as Record<string, Criterion>;
  const unsupported = Object.keys(filter).find((key) => key !== 'resourceType');
  if (unsupported) throw new FakeAwsError('ValidationException', 400, `The fake does not filter on ${unsupported}.`);
  const types = filter.resourceType?.eq;
  const findings = (analyzer.findings ?? [])
    .filter((f) => !types || types.includes(f.resourceType))
    .map((f, i) => ({
      id: `${analyzer.name}-${i}`, resource: f.resourceArn, resourceType: f.resourceType, resourceOwnerAccount: ctx.account.id,
      status: f.status ?? 'ACTIVE', findingType: f.findingType ?? (analyzer.type.endsWith('UNUSED_ACCESS') ? 'UnusedIAMRole' : 'ExternalAccess'),
      analyzedAt: CREATED, createdAt: CREATED, updatedAt: CREATED,
    }));
  const page = paginate(findings, ctx.input.json.nextToken, optionalNumber(ctx.input.json.maxResults) ?? 100, 'ValidationException');
  return { findings: page.items, nextToken: page.nextToken };
}

export const accessAnalyzer = defineService({
  signingName: 'access-analyzer',
  actionPrefix: 'access-analyzer',
  protocol: restJson,
  // https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListFindingsV2.html
  iamActions: { ListFindingsV2: 'ListFindings' },
  operations: {
    ListAnalyzers: { http: 'GET /analyzer', handler: listAnalyzers },
    ListFindingsV2: { http: 'POST /findingv2', handler: listFindingsV2 },
  },
});
