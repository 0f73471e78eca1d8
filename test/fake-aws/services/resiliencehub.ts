// Resilience Hub (restJson 1): application assessments of the region.

import { optionalNumber, paginate } from '../params.js';
import { epochSeconds } from '../protocols/json.js';
import { restJson } from '../protocols/rest-json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface ResilienceAssessmentSpec {
  app: string;
  status?: 'Pending' | 'InProgress' | 'Failed' | 'Success';
  compliance?: 'PolicyBreached' | 'PolicyMet';
  ended?: When;
}

declare module '../scenario.js' {
  interface RegionSpec {
    resilienceHub?: ResilienceAssessmentSpec[];
  }
}

function listAppAssessments(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const statuses = form.getAll('assessmentStatus');
  const assessments = (ctx.regionSpec.resilienceHub ?? []).filter((a) => statuses.length === 0 || statuses.includes(a.status ?? 'Success'));
  const page = paginate(assessments, form.get('nextToken'), optionalNumber(form.get('maxResults')) ?? 100, 'ValidationException');
  const appArn = (app: string) => `arn:aws:resiliencehub:${ctx.region}:${ctx.account.id}:app/${app}`;
  return {
    assessmentSummaries: page.items.map((a, i) => ({
      assessmentArn: `arn:aws:resiliencehub:${ctx.region}:${ctx.account.id}:app-assessment/${a.app}-${i}`,
      appArn: appArn(a.app),
      assessmentName: `${a.app}-assessment-${i}`,
      assessmentStatus: a.status ?? 'Success',
      complianceStatus: a.compliance ?? 'PolicyMet',
      invoker: 'User',
      resiliencyScore: 0.8,
      startTime: epochSeconds(new Date(resolveWhen(a.ended ?? '-20d', ctx.now).getTime() - 600_000)),
      endTime: epochSeconds(resolveWhen(a.ended ?? '-20d', ctx.now)),
    })),
    nextToken: page.nextToken,
  };
}

export const resilienceHub = defineService({
  signingName: 'resiliencehub',
  actionPrefix: 'resiliencehub',
  protocol: restJson,
  operations: { ListAppAssessments: { http: 'GET /list-app-assessments', handler: listAppAssessments } },
});
