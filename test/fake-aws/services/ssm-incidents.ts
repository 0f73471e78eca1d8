// AWS Systems Manager Incident Manager (restJson 1): response plans, whose ARNs have no region.

import { optionalNumber, paginate } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    /** Response plan names. */
    responsePlans?: string[];
  }
}

function listResponsePlans(ctx: HandlerContext): unknown {
  const plans = (ctx.regionSpec.responsePlans ?? []).map((name) => ({ arn: `arn:aws:ssm-incidents::${ctx.account.id}:response-plan/${name}`, name, displayName: name }));
  const page = paginate(plans, ctx.input.json.nextToken, optionalNumber(ctx.input.json.maxResults) ?? 50, 'ValidationException');
  return { responsePlanSummaries: page.items, nextToken: page.nextToken };
}

export const ssmIncidents = defineService({
  signingName: 'ssm-incidents',
  actionPrefix: 'ssm-incidents',
  protocol: restJson,
  operations: { ListResponsePlans: { http: 'POST /listResponsePlans', handler: listResponsePlans } },
});
