// CloudWatch Application Signals (restJson 1): the region's service-level objectives.

import { optionalNumber, paginate } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    /** SLO names. */
    slos?: string[];
  }
}

function listServiceLevelObjectives(ctx: HandlerContext): unknown {
  const slos = (ctx.regionSpec.slos ?? []).map((name) => ({
    Arn: `arn:aws:application-signals:${ctx.region}:${ctx.account.id}:slo/${name}`,
    Name: name,
    // A timestamp member: epoch seconds in restJson.
    CreatedTime: Date.parse('2026-01-01T00:00:00Z') / 1000,
  }));
  const page = paginate(slos, ctx.input.form.get('NextToken') ?? undefined, optionalNumber(ctx.input.form.get('MaxResults')) ?? 50, 'ValidationException');
  return { SloSummaries: page.items, NextToken: page.nextToken };
}

export const applicationSignals = defineService({
  signingName: 'application-signals',
  actionPrefix: 'application-signals',
  protocol: restJson,
  operations: { ListServiceLevelObjectives: { http: 'POST /slos', handler: listServiceLevelObjectives } },
});
