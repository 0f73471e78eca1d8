// CloudWatch Synthetics (restJson 1): the region's canaries and their state.

import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    canaries?: { name: string; state?: 'RUNNING' | 'STOPPED' | 'ERROR' }[];
  }
}

function describeCanaries(ctx: HandlerContext): unknown {
  const canaries = (ctx.regionSpec.canaries ?? []).map((c) => ({ Id: stableId(c.name, 36), Name: c.name, Status: { State: c.state ?? 'RUNNING' }, RuntimeVersion: 'syn-nodejs-puppeteer-9.1' }));
  const page = paginate(canaries, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 20, 'ValidationException');
  return { Canaries: page.items, NextToken: page.nextToken };
}

export const synthetics = defineService({
  signingName: 'synthetics',
  actionPrefix: 'synthetics',
  protocol: restJson,
  operations: { DescribeCanaries: { http: 'POST /canaries', handler: describeCanaries } },
});
